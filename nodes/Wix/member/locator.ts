// The member picker (From List, By ID) and its list search. Loyalty (accounts by member) and
// Members (members, badge assignments) both use them.
import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import * as membersApi from '../api/members';
import { GUID_REGEX } from '../shared/descriptions';
import { wixApiRequest } from '../transport';

export function memberLocator(
	description = 'The site member to act on',
	name = 'memberId',
): INodeProperties {
	return {
		displayName: 'Member',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchMembers', searchable: true },
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
							errorMessage: 'Not a valid Wix member ID (a GUID)',
						},
					},
				],
			},
		],
		description,
	};
}

function label(member: membersApi.WixMember): string {
	const name = [member.contact?.firstName, member.contact?.lastName].filter(Boolean).join(' ');
	const who = name || member.profile?.nickname || '';
	const email = member.loginEmail ?? '';
	if (who && email) return `${who} (${email})`;
	return who || email || String(member.id);
}

/** Members, newest first, a page (100) per call; the search text matches name and login email. */
export async function searchMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = paginationToken ? Number(paginationToken) : 0;
	const text = filter?.trim().slice(0, 100);
	const response = await wixApiRequest<{
		members?: membersApi.WixMember[];
		metadata?: { total?: number };
	}>(
		this,
		membersApi.queryPage(
			{ paging: { limit: membersApi.QUERY_PAGE_SIZE, offset } },
			membersApi.FULL,
			text
				? {
						expression: text,
						fields: ['loginEmail', 'contact.firstName', 'contact.lastName', 'profile.nickname'],
					}
				: undefined,
		),
	);
	const members = response.members ?? [];
	const next = offset + members.length;
	const more =
		members.length === membersApi.QUERY_PAGE_SIZE && (response.metadata?.total ?? Infinity) > next;
	return {
		results: members.map((m) => ({ name: label(m), value: String(m.id) })),
		paginationToken: more ? String(next) : undefined,
	};
}
