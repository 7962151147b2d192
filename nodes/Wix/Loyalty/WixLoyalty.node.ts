import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchContacts } from '../contact/listSearch';
import { searchMembers } from '../member/locator';
import { searchSites, siteProperty } from '../shared/site';
import { authenticationProperty } from '../shared/descriptions';
import * as account from './actions/account';
import * as program from './actions/program';
import { router } from './actions/router';
import * as tier from './actions/tier';
import { searchAccounts } from './methods/listSearch';
import { getTiers } from './methods/loadOptions';

export class WixLoyalty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Loyalty',
		name: 'wixLoyalty',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run the loyalty program of a Wix site: the program, customer accounts and points, tiers',
		defaults: { name: 'Wix Loyalty' },
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
					{ name: 'Account', value: 'account' },
					{ name: 'Program', value: 'program' },
					{ name: 'Tier', value: 'tier' },
				],
				default: 'account',
			},
			...account.description,
			...program.description,
			...tier.description,
		],
	};

	methods = {
		listSearch: { searchAccounts, searchContacts, searchMembers, searchSites },
		loadOptions: { getTiers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
