import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as move from './move.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, move, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['card'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a card',
				description: 'Create a card in a stage, its main contact found or created by email',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a card', description: 'Delete a card' },
			{ name: 'Get', value: 'get', action: 'Get a card', description: 'Get a card' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cards',
				description: 'List cards by pipeline, stage, contact or outcome',
			},
			{
				name: 'Move',
				value: 'move',
				action: 'Move a card',
				description: 'Move a card to another stage; won or lost when it reaches the done stage',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a card',
				description: 'Change a card’s name, value, priority, due date, contacts or tags',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...move.description,
	...update.description,
];
