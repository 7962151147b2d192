import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { forItem, itemError } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { badgeLocator, requiredValue } from '../../descriptions';
import { badgeFieldOptions, badgeOf, type BadgeFields } from './fields';

const properties: INodeProperties[] = [
	{ ...badgeLocator, description: 'The badge to update' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...badgeFieldOptions,
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'New text shown on the badge',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'badgeId', 'Badge', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as BadgeFields;
	const badge = badgeOf(this, i, fields);
	if (!Object.keys(badge).length)
		throw itemError(
			this,
			i,
			'Update Fields',
			'INVALID_ARGUMENT',
			'No fields to update',
			'Add a title, description, colors, icon or permissions under Update Fields.',
		);
	const { badge: updated } = await forItem(
		this,
		i,
		'Badge',
		async () =>
			await wixApiRequest<{ badge: badgesApi.WixBadge }>(
				this,
				badgesApi.update({ ...badge, id }),
				i,
			),
	);
	return updated as IDataObject;
}
