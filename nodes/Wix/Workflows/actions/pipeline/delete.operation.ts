import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import { wixApiRequest } from '../../../transport';
import { pipelineLocator, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['pipeline'], operation: ['delete'] } },
	[{ ...pipelineLocator, description: 'The pipeline to delete; Wix refuses while it has cards' }],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'pipelineId', 'Pipeline', i);
	await wixApiRequest(this, pipelinesApi.remove(id), i);
	return { deleted: true, pipelineId: id };
}
