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
		displayOptions: { show: { resource: ['pipeline'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a pipeline',
				description: 'Create a pipeline with its stages in order and its done stage',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a pipeline',
				description: 'Delete a pipeline that has no cards',
			},
			{ name: 'Get', value: 'get', action: 'Get a pipeline', description: 'Get a pipeline' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many pipelines',
				description: 'List the site’s pipelines',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a pipeline',
				description: 'Rename it, add, rename or reorder stages, change the done stage',
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
