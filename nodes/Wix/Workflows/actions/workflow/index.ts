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
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a workflow',
				description: 'Create a workflow (Wix adds its win phase)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a workflow',
				description: 'Delete a workflow with its phases and cards',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workflow',
				description: 'Get a workflow with its phases, win phase ID and phase IDs in order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflows',
				description: 'List the site’s workflows',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a workflow',
				description: 'Rename a workflow or change its description',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
