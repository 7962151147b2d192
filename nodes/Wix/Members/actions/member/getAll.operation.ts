import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as membersApi from '../../../api/members';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { normalizeEmail } from '../../../shared/lists';
import { wixApiRequestAllItems } from '../../../transport';
import { fieldsetProperty } from '../../descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Login Email',
				name: 'loginEmail',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				default: '',
				description: 'Only the member who logs in with this email',
			},
			{
				displayName: 'Nickname Starts With',
				name: 'nickname',
				type: 'string',
				default: '',
				description: 'Only members whose profile nickname starts with this text',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description:
					'Free text matched against login email, first and last name and nickname (at most 100 characters)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Approved', value: 'APPROVED' },
					{ name: 'Blocked', value: 'BLOCKED' },
					{ name: 'Offline', value: 'OFFLINE' },
					{ name: 'Pending', value: 'PENDING' },
				],
				default: 'APPROVED',
				description: 'Only members with this status',
			},
		],
	},
	fieldsetProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['getAll'] } },
	properties,
);

interface Filters {
	loginEmail?: string;
	nickname?: string;
	search?: string;
	status?: string;
}

/**
 * Members by login email, status, nickname or free text. Wix hides `loginEmail` unless the FULL (or
 * EXTENDED) fieldset is asked for, so filtering by it asks for FULL whatever Fieldset says.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	let fieldset = this.getNodeParameter('fieldset', i, 'FULL') as string;
	const parts: IDataObject[] = [];
	if (filters.loginEmail?.trim()) {
		parts.push({ loginEmail: normalizeEmail(filters.loginEmail) });
		if (fieldset === 'PUBLIC') fieldset = 'FULL';
	}
	if (filters.status) parts.push({ status: filters.status });
	if (filters.nickname?.trim())
		parts.push({ 'profile.nickname': { $startsWith: filters.nickname.trim() } });
	const query: IDataObject = {};
	if (parts.length) query.filter = parts.length === 1 ? parts[0] : { $and: parts };
	const text = filters.search?.trim().slice(0, 100);
	const search = text
		? {
				expression: text,
				fields: ['loginEmail', 'contact.firstName', 'contact.lastName', 'profile.nickname'],
			}
		: undefined;
	return (await wixApiRequestAllItems<membersApi.WixMember>(
		this,
		membersApi.query(query, limit, [fieldset], search),
		i,
	)) as IDataObject[];
}
