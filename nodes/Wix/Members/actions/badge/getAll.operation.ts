import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	optionsCollection([
		{
			displayName: 'Title Contains',
			name: 'title',
			type: 'string',
			default: '',
			description: 'Only badges whose title contains this text (any case)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const { title } = this.getNodeParameter('options', i, {}) as { title?: string };
	const text = title?.trim().toLowerCase();
	// List Badges has no filter: with a title, every badge is read and filtered here.
	const badges = await wixApiRequestAllItems<badgesApi.WixBadge>(
		this,
		badgesApi.list(text ? undefined : limit),
		i,
	);
	const kept = text ? badges.filter((b) => (b.title ?? '').toLowerCase().includes(text)) : badges;
	return (limit === undefined ? kept : kept.slice(0, limit)) as IDataObject[];
}
