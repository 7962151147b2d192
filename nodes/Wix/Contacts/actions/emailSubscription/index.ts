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
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update an email subscription',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Create or Update Many',
				value: 'bulkUpsert',
				action: 'Create or update many email subscriptions',
				description:
					'Create or update the subscriptions of all input items at once, 100 per request',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many email subscriptions',
				description: 'Get the subscription status of given emails',
			},
		],
		default: 'getAll',
	},
	...bulkUpsert.description,
	...getAll.description,
	...upsert.description,
];
