// Wix Members API, members.
import type { IDataObject } from 'n8n-workflow';

import type { WixApiErrors, WixRequest } from '../transport';

export const MEMBERS_PATH = '/members/v1/members';

/** Query Members pages by offset, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;
export const ITEMS_KEY = 'members';

export const errors: WixApiErrors = {
	hints: { '404': 'Check the member ID: no member has it on this site.' },
};

/**
 * One page of Query Members. Wix leaves `loginEmail` out unless the FULL fieldset is asked for,
 * and takes `fieldsets` beside `query`, not inside it.
 */
export const queryPage = (query: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${MEMBERS_PATH}/query`,
	body: { query, fieldsets: ['FULL'] },
	errors,
});
