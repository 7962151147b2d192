import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tier'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tiers',
				description: 'List the program’s tiers and the points each needs',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
