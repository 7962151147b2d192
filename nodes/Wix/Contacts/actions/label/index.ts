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
		displayOptions: { show: { resource: ['label'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a label',
				description: 'Delete a label and take it off every contact',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				action: 'Find or create a label',
				description: 'Get the label with this name, creating it if needed',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many labels',
				description: 'List the site’s labels',
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a label',
				description: 'Change a label’s display name',
			},
		],
		default: 'findOrCreate',
	},
	...del.description,
	...findOrCreate.description,
	...getAll.description,
	...rename.description,
];
