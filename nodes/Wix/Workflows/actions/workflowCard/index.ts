import type { INodeProperties } from 'n8n-workflow';

import * as archive from './archive.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as move from './move.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

export { archive, create, del as delete, get, getAll, move, restore, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflowCard'] } },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive a card',
				description: 'Archive a card (a lost deal); it can be restored',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a card',
				description: 'Create a card for a contact in a phase',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a card', description: 'Delete a card' },
			{ name: 'Get', value: 'get', action: 'Get a card', description: 'Get a card' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cards',
				description: 'List a workflow’s cards by phase or contact, archived or not',
			},
			{
				name: 'Move',
				value: 'move',
				action: 'Move a card',
				description: 'Move a card to another phase or position; the win phase wins the deal',
			},
			{
				name: 'Restore',
				value: 'restore',
				action: 'Restore a card',
				description: 'Bring an archived card back into a phase',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a card',
				description: 'Change a card’s name, description, source, due date or contact',
			},
		],
		default: 'create',
	},
	...archive.description,
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...move.description,
	...restore.description,
	...update.description,
];
