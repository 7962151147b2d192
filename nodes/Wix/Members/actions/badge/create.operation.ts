import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { itemError } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { badgeFieldOptions, badgeOf, type BadgeFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1,000 Points Club',
		description: 'Text shown on the badge',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: badgeFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const title = String(this.getNodeParameter('title', i, '') ?? '').trim();
	if (!title)
		throw itemError(
			this,
			i,
			'Title',
			'INVALID_ARGUMENT',
			'No badge title given',
			'Give the badge a title.',
		);
	const fields = this.getNodeParameter('additionalFields', i, {}) as BadgeFields;
	const { badge } = await wixApiRequest<{ badge: badgesApi.WixBadge }>(
		this,
		badgesApi.create(badgeOf(this, i, { ...fields, title })),
		i,
	);
	return badge as IDataObject;
}
