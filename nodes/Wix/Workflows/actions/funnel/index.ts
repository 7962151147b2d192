import type { INodeProperties } from 'n8n-workflow';

import * as setUp from './setUp.operation';

export { setUp };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['funnel'] } },
		options: [
			{
				name: 'Set Up',
				value: 'setUp',
				action: 'Set up a funnel',
				description:
					'Find the funnel by name or create it, add the missing phases in order, and return every phase ID by name',
			},
		],
		default: 'setUp',
	},
	...setUp.description,
];
