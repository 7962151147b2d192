// Wix Loyalty API, accounts.
import type { IDataObject } from 'n8n-workflow';

import type { WixApiErrors, WixRequest } from '../transport';

export const ACCOUNTS_PATH = '/loyalty-accounts/v1/accounts';

/** Query Loyalty Accounts pages by cursor, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;
export const ITEMS_KEY = 'loyaltyAccounts';

export const errors: WixApiErrors = {
	hints: { '404': 'Check the account ID: no loyalty account has it on this site.' },
};

/** One page of Query Loyalty Accounts; `query` carries filter, sort and cursorPaging. */
export const queryPage = (query: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${ACCOUNTS_PATH}/query`,
	body: { query },
	errors,
});
