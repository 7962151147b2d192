import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, wixCredentials } from '../shared/descriptions';
import * as contact from './actions/contact';
import { router } from './actions/router';
import { searchContacts } from './methods/listSearch';

export class WixContacts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Contacts',
		name: 'wixContacts',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, find, update and delete the contacts of a Wix site',
		defaults: { name: 'Wix Contacts' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: wixCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact', value: 'contact' }],
				default: 'contact',
			},
			...contact.description,
		],
	};

	methods = { listSearch: { searchContacts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
