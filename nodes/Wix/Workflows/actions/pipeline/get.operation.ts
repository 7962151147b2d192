import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import { wixApiRequest } from '../../../transport';
import { pipelineLocator, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['pipeline'], operation: ['get'] } },
	[pipelineLocator],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'pipelineId', 'Pipeline', i);
	const { pipeline } = await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
		this,
		pipelinesApi.get(id),
		i,
	);
	return pipeline as IDataObject;
}
