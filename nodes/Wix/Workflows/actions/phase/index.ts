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
		displayOptions: { show: { resource: ['phase'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a phase',
				description: 'Add a phase to a workflow, last or at a position',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a phase',
				description: 'Delete a phase with its cards',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a phase',
				description: 'Get a phase with its cards',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many phases',
				description: 'List a workflow’s active phases in display order',
			},
			{
				name: 'Move',
				value: 'move',
				action: 'Move a phase',
				description: 'Move a phase to another position',
			},
			{ name: 'Update', value: 'update', action: 'Update a phase', description: 'Rename a phase' },
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
