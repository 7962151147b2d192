import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export { del as delete, findOrCreate, getAll, rename };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a custom field',
				description: 'Delete a custom field and its values',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				action: 'Find or create a custom field',
				description: 'Get the field with this name, creating it if needed',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many custom fields',
				description: 'List system and user-defined fields',
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a custom field',
				description: 'Change a field’s display name',
			},
		],
		default: 'findOrCreate',
	},
	...del.description,
	...findOrCreate.description,
	...getAll.description,
	...rename.description,
];
