import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { phaseProperty, requiredValue, workflowLocator } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['delete'] } },
	[
		workflowLocator,
		phaseProperty(false, {
			description:
				'The phase to delete, with its cards. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		}),
	],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	await wixApiRequest(this, workflowsApi.deletePhase(phaseId), i);
	return { deleted: true, phaseId };
}
