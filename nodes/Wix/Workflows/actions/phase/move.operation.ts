import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { phaseProperty, positionOf, requiredValue, workflowLocator } from '../../descriptions';

const properties: INodeProperties[] = [
	workflowLocator,
	phaseProperty(false),
	{
		displayName: 'New Position',
		name: 'newPosition',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		required: true,
		description:
			'0-based place among the active phases (0 is first); the phases in between shift by one',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['move'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	const newPosition = positionOf(this, this.getNodeParameter('newPosition', i), 'New Position', i);
	if (newPosition === undefined)
		throw new NodeOperationError(this.getNode(), 'No position given (parameter "New Position")', {
			itemIndex: i,
		});
	await wixApiRequest(this, workflowsApi.movePhase(workflowId, phaseId, newPosition), i);
	return { id: phaseId, workflowId, position: newPosition, moved: true };
}
