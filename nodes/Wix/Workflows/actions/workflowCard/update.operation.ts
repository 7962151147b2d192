import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';
import { cardInfoOf, cardInfoOptions, type CardInfoInput } from './fields';

const properties: INodeProperties[] = [
	cardIdProperty(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...cardInfoOptions,
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				description: 'The contact the card is attached to',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as CardInfoInput;
	const cardInfo = cardInfoOf(this, fields, i);
	if (!Object.keys(cardInfo).length)
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add at least one field under Update Fields (to change the phase, use Move)',
		});
	await wixApiRequest(this, workflowsApi.updateCard(id, cardInfo), i);
	return { id, updated: true, ...(cardInfo as IDataObject) };
}
