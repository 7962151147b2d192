import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { workflowOutput } from '../../legacy';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Lead Funnel',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Shows where contacts are in the lead funnel',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['create'] } },
	properties,
);

/** Creates the workflow (Wix adds its win phase) and returns it as Get does, with `winPhaseId`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name)
		throw new NodeOperationError(this.getNode(), 'No workflow name given (parameter "Name")', {
			itemIndex: i,
		});
	const text = String(this.getNodeParameter('description', i, '') ?? '');
	const { id } = await wixApiRequest<{ id: string }>(
		this,
		workflowsApi.createWorkflow(text ? { name, description: text } : { name }),
		i,
	);
	const { workflow } = await wixApiRequest<{ workflow: workflowsApi.LegacyWorkflow }>(
		this,
		workflowsApi.getWorkflow(id, 0),
		i,
	);
	return workflowOutput(workflow);
}
