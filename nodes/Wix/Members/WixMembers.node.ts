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
import * as badge from './actions/badge';
import * as member from './actions/member';
import { router } from './actions/router';
import { searchBadges } from './methods/listSearch';

export class WixMembers implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Members',
		name: 'wixMembers',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Find the site members of a Wix site and give them badges',
		defaults: { name: 'Wix Members' },
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
					{ name: 'Badge', value: 'badge' },
					{ name: 'Member', value: 'member' },
				],
				default: 'member',
			},
			...badge.description,
			...member.description,
		],
	};

	methods = {
		listSearch: { searchBadges, searchContacts, searchMembers, searchSites },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
