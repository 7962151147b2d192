import type { INodeProperties } from 'n8n-workflow';

import * as assign from './assign.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as unassign from './unassign.operation';
import * as update from './update.operation';

export { assign, create, del as delete, get, getAll, getMembers, unassign, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['badge'] } },
		options: [
			{
				name: 'Assign to Members',
				value: 'assign',
				action: 'Assign a badge to members',
				description: 'Give the badge to members, by member ID or by contact ID',
			},
			{ name: 'Create', value: 'create', action: 'Create a badge', description: 'Create a badge' },
			{ name: 'Delete', value: 'delete', action: 'Delete a badge', description: 'Delete a badge' },
			{ name: 'Get', value: 'get', action: 'Get a badge', description: 'Get a badge' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many badges',
				description: 'List the site’s badges',
			},
			{
				name: 'Get Members With Badge',
				value: 'getMembers',
				action: 'Get the members with a badge',
				description: 'List the members who have the badge',
			},
			{
				name: 'Unassign',
				value: 'unassign',
				action: 'Unassign a badge from members',
				description: 'Take the badge away from members',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a badge',
				description: 'Change title, description, colors, icon or permissions',
			},
		],
		default: 'getAll',
	},
	...assign.description,
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...getMembers.description,
	...unassign.description,
	...update.description,
];
