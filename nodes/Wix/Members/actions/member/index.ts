import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getByContactId from './getByContactId.operation';

export { get, getAll, getByContactId };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a member', description: 'Get a member by ID' },
			{
				name: 'Get by Contact ID',
				value: 'getByContactId',
				action: 'Get the member of a contact',
				description: 'Get the site member a contact is, in batches of 100',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many members',
				description: 'List or search members, e.g. by login email',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...getByContactId.description,
];
