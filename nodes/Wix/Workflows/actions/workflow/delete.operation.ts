import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { requiredValue, workflowLocator } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['delete'] } },
	[{ ...workflowLocator, description: 'The workflow to delete, with all its phases and cards' }],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'workflowId', 'Workflow', i);
	await wixApiRequest(this, workflowsApi.deleteWorkflow(id), i);
	return { deleted: true, workflowId: id };
}
