// Wix Members API, members (`@wix/auto_sdk_members_members`, type-only).
import type { MemberOriginal as Member } from '@wix/auto_sdk_members_members/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export type WixMember = Rest<Member>;

export const MEMBERS_PATH = '/members/v1/members';

/** Query Members pages by offset, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;
export const ITEMS_KEY = 'members';

/** Wix leaves `loginEmail` (and status, contact details) out unless EXTENDED or FULL is asked for. */
export const FULL = ['FULL'];

export const errors: WixApiErrors = {
	hints: {
		'404':
			'Check the member ID: no site member has it (a contact ID is not a member ID — use Member → Get by Contact ID).',
		MEMBER_NOT_FOUND:
			'Check the member ID: no site member has it (a contact ID is not a member ID — use Member → Get by Contact ID).',
	},
};

export function memberPath(id: string): string {
	return `${MEMBERS_PATH}/${encodeURIComponent(id)}`;
}

export const get = (id: string, fieldsets: string[] = FULL): WixRequest => ({
	method: 'GET',
	path: memberPath(id),
	qs: { fieldsets },
	errors,
});

/**
 * One page of Query Members. `fieldsets` goes beside `query`, not inside it; FULL by default, so
 * `loginEmail` is there to filter and read.
 */
export const queryPage = (
	query: IDataObject,
	fieldsets: string[] = FULL,
	search?: IDataObject,
): WixRequest => ({
	method: 'POST',
	path: `${MEMBERS_PATH}/query`,
	body: { query, fieldsets, ...(search ? { search } : {}) },
	errors,
});

/** Query Members through every page by offset, up to `limit`. */
export const query = (
	query: IDataObject,
	limit?: number,
	fieldsets: string[] = FULL,
	search?: IDataObject,
): AllItemsRequest => ({
	...queryPage(query, fieldsets, search),
	model: 'offset',
	itemsKey: ITEMS_KEY,
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});
