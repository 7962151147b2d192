import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchSites, siteProperty } from '../shared/site';
import { authenticationProperty } from '../shared/descriptions';
import * as contact from './actions/contact';
import * as customField from './actions/customField';
import * as emailSubscription from './actions/emailSubscription';
import * as label from './actions/label';
import { router } from './actions/router';
import { searchCustomFields, searchLabels } from './methods/listSearch';
import { getCustomFields, getLabels } from './methods/loadOptions';
import { searchContacts } from '../contact/listSearch';

export class WixContacts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Contacts',
		name: 'wixContacts',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, find, update, merge and label the contacts of a Wix site; manage labels, custom fields and email subscriptions',
		defaults: { name: 'Wix Contacts' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Spelled out (not spread from shared) so n8n's lint rules can read them.
		credentials: [
			{
				name: 'wixApiKeyApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'wixOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'wixSiteBackendApi',
				required: true,
				displayOptions: { show: { resource: ['contact'], operation: ['sendTriggeredEmail'] } },
			},
		],
		properties: [
			authenticationProperty,
			siteProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Email Subscription', value: 'emailSubscription' },
					{ name: 'Label', value: 'label' },
				],
				default: 'contact',
			},
			...contact.description,
			...customField.description,
			...emailSubscription.description,
			...label.description,
		],
	};

	methods = {
		listSearch: { searchContacts, searchSites, searchLabels, searchCustomFields },
		loadOptions: { getLabels, getCustomFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
