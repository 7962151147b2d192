import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { positionOf, requiredValue, workflowLocator } from '../../descriptions';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Contacted',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Position',
				name: 'position',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'0-based place among the active phases; the phase there and those after it move down one. Last (before the win phase) when not set.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name)
		throw new NodeOperationError(this.getNode(), 'No phase name given (parameter "Name")', {
			itemIndex: i,
		});
	const options = this.getNodeParameter('options', i, {}) as { position?: number };
	const position = positionOf(this, options.position, 'Position', i);
	const { id } = await wixApiRequest<{ id: string }>(
		this,
		workflowsApi.createPhase(workflowId, name, position),
		i,
	);
	return { id, name, workflowId, ...(position === undefined ? {} : { position }) };
}
