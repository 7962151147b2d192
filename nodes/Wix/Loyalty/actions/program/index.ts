import type { INodeProperties } from 'n8n-workflow';

import * as activate from './activate.operation';
import * as get from './get.operation';
import * as pause from './pause.operation';
import * as update from './update.operation';

export { activate, get, pause, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['program'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				action: 'Activate the loyalty program',
				description:
					'Start the program: customers earn and redeem points and accounts can be created',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the loyalty program',
				description: 'Get the site’s loyalty program and whether it is active',
			},
			{
				name: 'Pause',
				value: 'pause',
				action: 'Pause the loyalty program',
				description: 'Stop earning and redeeming until the program is activated again',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update the loyalty program',
				description: 'Change name, point name or icon; the status stays as it is',
			},
		],
		default: 'get',
	},
	...update.description,
];
