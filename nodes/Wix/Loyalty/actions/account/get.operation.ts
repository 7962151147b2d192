import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as accountsApi from '../../../api/loyaltyAccounts';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { memberLocator } from '../../../member/locator';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import type { WixLoyaltyAccount } from '../../accounts';
import { accountLocator, requiredValue } from '../../descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Account', value: 'account', description: 'The account’s own ID' },
			{ name: 'Contact', value: 'contact', description: 'The contact the account belongs to' },
			{ name: 'Member', value: 'member', description: 'The site member the account belongs to' },
		],
		default: 'account',
	},
	{ ...accountLocator('The account to get'), displayOptions: { show: { findBy: ['account'] } } },
	{
		...contactLocator,
		description: 'The contact whose account to get',
		displayOptions: { show: { findBy: ['contact'] } },
	},
	{
		...memberLocator('The member whose account to get'),
		displayOptions: { show: { findBy: ['member'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const findBy = this.getNodeParameter('findBy', i, 'account') as 'account' | 'contact' | 'member';
	let request;
	let field: string;
	if (findBy === 'contact') {
		field = 'Contact';
		const contactId = await forItem(
			this,
			i,
			field,
			async () => await resolveContactId(this, 'contactId', i),
		);
		request = accountsApi.getBy('contact', contactId);
	} else if (findBy === 'member') {
		field = 'Member';
		request = accountsApi.getBy('member', requiredValue(this, 'memberId', 'Member', i));
	} else {
		field = 'Account';
		request = accountsApi.get(requiredValue(this, 'accountId', 'Account', i));
	}
	const { account } = await forItem(
		this,
		i,
		field,
		async () => await wixApiRequest<{ account: WixLoyaltyAccount }>(this, request, i),
	);
	return account as IDataObject;
}
