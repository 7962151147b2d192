import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a new contact' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Retrieve a contact by ID' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many contacts', description: 'List or query contacts' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Update a contact’s details' },
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
