// Wix Sites API (account level): Query Sites, which lists the sites of the API key's account.
import type { IDataObject } from 'n8n-workflow';

import type { WixApiErrors, WixRequest } from '../transport';

export const SITES_QUERY_PATH = '/site-list/v2/sites/query';

export const errors: WixApiErrors = {
	hints: {
		'403':
			'Listing sites needs an account-level API key with the Account ID it belongs to, and a Sites permission on the key.',
	},
};

/** One page of the account's sites; `cursor` continues a previous page (Wix takes it alone). */
export const queryPage = (limit: number, cursor?: string): WixRequest => ({
	method: 'POST',
	path: SITES_QUERY_PATH,
	body: {
		query: (cursor
			? { cursorPaging: { limit, cursor } }
			: { cursorPaging: { limit } }) as IDataObject,
	},
	errors,
	accountLevel: true,
});
