// Parameters several Wix Members operations share: the badge picker, how members are named for a
// badge (member or contact IDs), the fieldset choice, and how their values are read.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GUID_REGEX } from '../shared/descriptions';
import { itemError } from '../shared/itemErrors';
import { splitList } from '../shared/lists';

export const badgeLocator: INodeProperties = {
	displayName: 'Badge',
	name: 'badgeId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBadges', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID_REGEX}\\s*$`,
						errorMessage: 'Not a valid Wix badge ID (a GUID)',
					},
				},
			],
		},
	],
	description: 'The badge to act on',
};

export const fieldsetProperty: INodeProperties = {
	displayName: 'Fieldset',
	name: 'fieldset',
	type: 'options',
	options: [
		{
			name: 'Full',
			value: 'FULL',
			description: 'Everything, login email and contact details included',
		},
		{
			name: 'Extended',
			value: 'EXTENDED',
			description: 'Public fields plus login email, status and privacy',
		},
		{
			name: 'Public',
			value: 'PUBLIC',
			description: 'ID, contact ID, profile and dates only (Wix hides the login email)',
		},
	],
	default: 'FULL',
	description: 'Which member fields Wix returns',
};

/** Assign and Unassign: who gets (or loses) the badge, as member IDs or contact IDs. */
export const badgeMembersProperties: INodeProperties[] = [
	{
		displayName: 'Identify Members By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Member ID', value: 'memberId' },
			{
				name: 'Contact ID',
				value: 'contactId',
				description:
					'The member of each contact (e.g. from a loyalty account); a contact that is not a member fails the item',
			},
		],
		default: 'memberId',
	},
	{
		displayName: 'Member IDs',
		name: 'memberIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.memberId }}',
		description: 'One or more member IDs, comma-separated or as an array',
		displayOptions: { show: { identifyBy: ['memberId'] } },
	},
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.contactId }}',
		description: 'One or more contact IDs, comma-separated or as an array',
		displayOptions: { show: { identifyBy: ['contactId'] } },
	},
];

/** A parameter's value (a resource locator's value, or plain text), trimmed; empty is an error. */
export function requiredValue(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): string {
	const value = String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
	if (!value)
		throw itemError(
			ctx,
			i,
			label,
			'INVALID_ARGUMENT',
			`No ${label} given`,
			`Pick the ${label.toLowerCase()} from the list, or give its ID`,
		);
	return value;
}

/** A list parameter (comma-separated text or an array), at least one entry. */
export function requiredList(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): string[] {
	const list = [...new Set(splitList(ctx.getNodeParameter(name, i, '') as string | string[]))];
	if (!list.length)
		throw itemError(
			ctx,
			i,
			label,
			'INVALID_ARGUMENT',
			`No ${label} given`,
			`Give one or more ${label}, comma-separated or as an array.`,
		);
	return list;
}
