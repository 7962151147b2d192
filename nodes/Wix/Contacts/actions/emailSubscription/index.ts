import type { INodeProperties } from 'n8n-workflow';

import * as bulkUpsert from './bulkUpsert.operation';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export { bulkUpsert, getAll, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailSubscription'] } },
		options: [
			{
				name: 'Bulk Upsert',
				value: 'bulkUpsert',
				action: 'Upsert many email subscriptions',
				description: 'Set the status of many emails, 100 per request',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get email subscriptions',
				description: 'Get the subscription status of given emails',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Upsert an email subscription',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
		],
		default: 'getAll',
	},
	...bulkUpsert.description,
	...getAll.description,
	...upsert.description,
];
