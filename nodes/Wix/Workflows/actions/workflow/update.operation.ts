import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { requiredValue, workflowLocator } from '../../descriptions';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'workflowId', 'Workflow', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as {
		name?: string;
		description?: string;
	};
	const workflow: { name?: string; description?: string } = {};
	if (fields.name?.trim()) workflow.name = fields.name.trim();
	if (fields.description !== undefined) workflow.description = fields.description;
	if (!Object.keys(workflow).length)
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add a name or description under Update Fields',
		});
	await wixApiRequest(this, workflowsApi.updateWorkflow(id, workflow), i);
	return { id, updated: true, ...workflow };
}
