import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { phaseProperty, requiredValue, workflowLocator } from '../../descriptions';
import { phaseOutput } from '../../legacy';

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['get'] } },
	[workflowLocator, phaseProperty(true)],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	const { phase } = await wixApiRequest<{ phase: workflowsApi.LegacyPhase }>(
		this,
		workflowsApi.getPhase(phaseId),
		i,
	);
	return phaseOutput(phase);
}
