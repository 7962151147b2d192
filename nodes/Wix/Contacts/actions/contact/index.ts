import type { INodeProperties } from 'n8n-workflow';

import * as addLabels from './addLabels.operation';
import * as confirmExport from './confirmExport.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getNewSinceExport from './getNewSinceExport.operation';
import * as merge from './merge.operation';
import * as removeLabels from './removeLabels.operation';
import * as sendTriggeredEmail from './sendTriggeredEmail.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export {
	addLabels,
	confirmExport,
	create,
	del as delete,
	get,
	getAll,
	getNewSinceExport,
	merge,
	removeLabels,
	sendTriggeredEmail,
	update,
	upsert,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add Labels',
				value: 'addLabels',
				action: 'Add labels to a contact',
				description: 'Give a contact one or more labels',
			},
			{
				name: 'Confirm Export',
				value: 'confirmExport',
				action: 'Confirm contacts were exported',
				description: 'Move the export cursor past the contacts that reached this node',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a new contact',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Retrieve a contact by ID or email',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'Query contacts with filters, search and sort',
			},
			{
				name: 'Get New Since Last Export',
				value: 'getNewSinceExport',
				action: 'Get contacts created since the last export',
				description:
					'Contacts created since the last Confirm Export, oldest first (all on the first run)',
			},
			{
				name: 'Merge',
				value: 'merge',
				action: 'Merge contacts',
				description: 'Merge up to five contacts into a target contact',
			},
			{
				name: 'Remove Labels',
				value: 'removeLabels',
				action: 'Remove labels from a contact',
				description: 'Take labels off a contact',
			},
			{
				name: 'Send Triggered Email',
				value: 'sendTriggeredEmail',
				action: 'Send a triggered email to a contact',
				description:
					'Send a triggered email through the site’s backend function (Velo emailContact)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Update a contact’s details',
			},
		],
		default: 'create',
	},
	...addLabels.description,
	...confirmExport.description,
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...getNewSinceExport.description,
	...merge.description,
	...removeLabels.description,
	...sendTriggeredEmail.description,
	...update.description,
	...upsert.description,
];
