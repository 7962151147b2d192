import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';
import { writeAtRevision } from '../../revision';
import {
	cardFieldOptions,
	cardFieldsOf,
	currentRevision,
	revisionProperty,
	type CardFieldInput,
} from './fields';

const properties: INodeProperties[] = [
	cardIdProperty(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: cardFieldOptions(true),
	},
	revisionProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const input = this.getNodeParameter('updateFields', i, {}) as CardFieldInput;
	const fields = cardFieldsOf(this, input, i);
	if (Object.keys(fields).length === 0)
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add at least one field under Update Fields (to change the stage, use Move)',
		});
	const given = (this.getNodeParameter('revision', i, '') as string).trim() || undefined;
	const { card } = await writeAtRevision(
		this,
		given,
		async () => await currentRevision(this, id, i),
		async (revision) =>
			await wixApiRequest<{ card: cardsApi.WixCard }>(
				this,
				cardsApi.update({ ...fields, id, revision }),
				i,
			),
	);
	return card as IDataObject;
}
