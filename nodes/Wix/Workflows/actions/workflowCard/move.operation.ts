import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import {
	cardIdProperty,
	phaseProperty,
	positionOf,
	requiredValue,
	workflowLocator,
} from '../../descriptions';
import { positionOption } from './fields';

const properties: INodeProperties[] = [
	cardIdProperty('ID of the card to move'),
	workflowLocator,
	phaseProperty(true, {
		description:
			'The phase to move the card to; the win phase marks the deal won and frees the contact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [positionOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['move'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	const options = this.getNodeParameter('options', i, {}) as { position?: number };
	const position = positionOf(this, options.position, 'Position', i);
	await wixApiRequest(this, workflowsApi.moveCard(id, phaseId, position), i);
	return { id, workflowId, phaseId, moved: true, ...(position === undefined ? {} : { position }) };
}
