import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as transactionsApi from '../../../api/loyaltyTransactions';
import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequestAllItems } from '../../../transport';
import { accountLocator, requiredValue } from '../../descriptions';

const properties: INodeProperties[] = [
	accountLocator('The account whose transactions to get'),
	...returnAllOrLimit,
	optionsCollection([
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only transactions made after this time',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only transactions made before this time',
		},
		{
			displayName: 'Oldest First',
			name: 'oldestFirst',
			type: 'boolean',
			default: false,
			description: 'Whether to list the oldest transactions first (newest first otherwise)',
		},
		{
			displayName: 'Types',
			name: 'types',
			type: 'multiOptions',
			options: [
				{ name: 'Adjust', value: 'ADJUST' },
				{ name: 'Earn', value: 'EARN' },
				{ name: 'Expire', value: 'EXPIRE' },
				{ name: 'Redeem', value: 'REDEEM' },
				{ name: 'Refund', value: 'REFUND' },
			],
			default: [],
			description: 'Only transactions of these types (all when empty)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getTransactions'] } },
	properties,
);

interface Options {
	createdAfter?: string;
	createdBefore?: string;
	oldestFirst?: boolean;
	types?: string[];
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const accountId = requiredValue(this, 'accountId', 'Account', i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const options = this.getNodeParameter('options', i, {}) as Options;
	const filters: IDataObject[] = [{ accountId }];
	if (options.types?.length) filters.push({ transactionType: { $in: options.types } });
	if (options.createdAfter)
		filters.push({ createdDate: { $gt: new Date(options.createdAfter).toISOString() } });
	if (options.createdBefore)
		filters.push({ createdDate: { $lt: new Date(options.createdBefore).toISOString() } });
	const query: IDataObject = {
		filter: filters.length === 1 ? filters[0] : { $and: filters },
		sort: [{ fieldName: 'createdDate', order: options.oldestFirst ? 'ASC' : 'DESC' }],
	};
	return (await forItem(
		this,
		i,
		'Account',
		async () =>
			await wixApiRequestAllItems<transactionsApi.WixLoyaltyTransaction>(
				this,
				transactionsApi.query(query, limit),
				i,
			),
	)) as IDataObject[];
}
