import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { requiredValue, workflowLocator } from '../../descriptions';
import { workflowOutput } from '../../legacy';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Cards per Phase',
		name: 'cardsPerPhase',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'How many cards of each phase to include (Wix’s default is 10)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'workflowId', 'Workflow', i);
	const cardsPerPhase = this.getNodeParameter('cardsPerPhase', i, 10) as number;
	const { workflow } = await wixApiRequest<{ workflow: workflowsApi.LegacyWorkflow }>(
		this,
		workflowsApi.getWorkflow(id, cardsPerPhase),
		i,
	);
	return workflowOutput(workflow);
}
