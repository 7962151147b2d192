import type { INodeProperties } from 'n8n-workflow';

import * as adjustPoints from './adjustPoints.operation';
import * as create from './create.operation';
import * as earnPoints from './earnPoints.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTransactions from './getTransactions.operation';

export { adjustPoints, create, earnPoints, get, getAll, getTransactions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Adjust Points',
				value: 'adjustPoints',
				action: 'Adjust the points of an account',
				description: 'Set the balance, or add or subtract points, at the account’s revision',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an account',
				description:
					'Create a loyalty account for a contact, a member, or an email (the contact found or created)',
			},
			{
				name: 'Earn Points',
				value: 'earnPoints',
				action: 'Earn points for an account',
				description: 'Credit points once, with an idempotency key',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an account',
				description: 'Get an account by its ID, its contact or its member',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many accounts',
				description: 'List accounts by points balance, tier, created and last-activity dates',
			},
			{
				name: 'Get Transactions',
				value: 'getTransactions',
				action: 'Get the transactions of an account',
				description: 'The account’s earned, adjusted, redeemed, refunded and expired points',
			},
		],
		default: 'getAll',
	},
	...adjustPoints.description,
	...create.description,
	...earnPoints.description,
	...get.description,
	...getAll.description,
	...getTransactions.description,
];
