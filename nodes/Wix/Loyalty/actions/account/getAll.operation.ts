import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as accountsApi from '../../../api/loyaltyAccounts';
import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { itemError } from '../../../shared/itemErrors';
import { wixApiRequestAllItems } from '../../../transport';

/** The value of Tier that stands for the base tier (accounts without a tier ID). */
export const BASE_TIER = 'base';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only accounts created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only accounts created before this time',
			},
			{
				displayName: 'Last Activity After',
				name: 'lastActivityAfter',
				type: 'dateTime',
				default: '',
				description: 'Only accounts whose last activity is after this time',
			},
			{
				displayName: 'Last Activity Before',
				name: 'lastActivityBefore',
				type: 'dateTime',
				default: '',
				description: 'Only accounts whose last activity is before this time',
			},
			{
				displayName: 'Points Balance At Least',
				name: 'minBalance',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Only accounts with at least this many points (e.g. 900)',
			},
			{
				displayName: 'Points Balance At Most',
				name: 'maxBalance',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Only accounts with at most this many points (e.g. 999)',
			},
			{
				displayName: 'Tier Name or ID',
				name: 'tierId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTiers', loadOptionsDependsOn: ['site.value'] },
				default: '',
				description:
					'Only accounts in this tier. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Sort By',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Created Date (Newest First)', value: 'createdDate:DESC' },
				{ name: 'Created Date (Oldest First)', value: 'createdDate:ASC' },
				{ name: 'Last Activity (Newest First)', value: 'lastActivityDate:DESC' },
				{ name: 'Points Balance (Highest First)', value: 'points.balance:DESC' },
				{ name: 'Points Balance (Lowest First)', value: 'points.balance:ASC' },
			],
			default: 'createdDate:DESC',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getAll'] } },
	properties,
);

interface Filters {
	createdAfter?: string;
	createdBefore?: string;
	lastActivityAfter?: string;
	lastActivityBefore?: string;
	minBalance?: number;
	maxBalance?: number;
	tierId?: string;
}

/** The Query Loyalty Accounts filter for the Filters collection, or an error naming the field. */
export function accountFilter(
	ctx: IExecuteFunctions,
	i: number,
	filters: Filters,
): IDataObject | undefined {
	const parts: IDataObject[] = [];
	const iso = (field: string, value: string) => {
		const date = new Date(value);
		if (Number.isNaN(date.getTime()))
			throw itemError(
				ctx,
				i,
				field,
				'INVALID_ARGUMENT',
				`${field} is not a date: ${JSON.stringify(value)}`,
				'Give a date and time such as 2026-01-31T00:00:00Z.',
			);
		return date.toISOString();
	};
	const balance: IDataObject = {};
	for (const [name, field, op] of [
		['minBalance', 'Points Balance At Least', '$gte'],
		['maxBalance', 'Points Balance At Most', '$lte'],
	] as const) {
		const value = filters[name];
		if (value === undefined || (value as unknown) === '') continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
			throw itemError(
				ctx,
				i,
				field,
				'INVALID_ARGUMENT',
				`${field} must be a whole number of points, not ${JSON.stringify(value)}`,
				'Give a whole number such as 900.',
			);
		balance[op] = value;
	}
	if (
		typeof balance.$gte === 'number' &&
		typeof balance.$lte === 'number' &&
		balance.$gte > balance.$lte
	)
		throw itemError(
			ctx,
			i,
			'Points Balance At Most',
			'INVALID_ARGUMENT',
			`Points Balance At Most (${balance.$lte}) is below Points Balance At Least (${balance.$gte})`,
			'Swap the two values.',
		);
	if (Object.keys(balance).length) parts.push({ 'points.balance': balance });
	const dateRange = (
		field: string,
		after?: string,
		before?: string,
		afterName = '',
		beforeName = '',
	) => {
		const range: IDataObject = {};
		if (after) range.$gt = iso(afterName, after);
		if (before) range.$lt = iso(beforeName, before);
		if (Object.keys(range).length) parts.push({ [field]: range });
	};
	dateRange(
		'createdDate',
		filters.createdAfter,
		filters.createdBefore,
		'Created After',
		'Created Before',
	);
	dateRange(
		'lastActivityDate',
		filters.lastActivityAfter,
		filters.lastActivityBefore,
		'Last Activity After',
		'Last Activity Before',
	);
	const tier = String(filters.tierId ?? '').trim();
	if (tier === BASE_TIER) parts.push({ 'tier.id': { $exists: false } });
	else if (tier) parts.push({ 'tier.id': tier });
	if (!parts.length) return undefined;
	return parts.length === 1 ? parts[0] : { $and: parts };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	const options = this.getNodeParameter('options', i, {}) as { sort?: string };
	const [fieldName, order] = (options.sort ?? 'createdDate:DESC').split(':');
	const query: IDataObject = { sort: [{ fieldName, order }] };
	const filter = accountFilter(this, i, filters);
	if (filter) query.filter = filter;
	return (await wixApiRequestAllItems<accountsApi.WixLoyaltyAccount>(
		this,
		accountsApi.query(query, limit),
		i,
	)) as IDataObject[];
}
