import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { phaseProperty, requiredValue, workflowLocator } from '../../descriptions';

const properties: INodeProperties[] = [
	workflowLocator,
	phaseProperty(true),
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name)
		throw new NodeOperationError(this.getNode(), 'No new name given (parameter "New Name")', {
			itemIndex: i,
		});
	await wixApiRequest(this, workflowsApi.updatePhase(phaseId, name), i);
	return { id: phaseId, name, updated: true };
}
