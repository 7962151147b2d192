// Wix Loyalty API, accounts: paths, ready-made requests, and what their errors mean.
// Typed with the SDK's REST shapes (`@wix/auto_sdk_loyalty_accounts`, type-only).
import type { LoyaltyAccountOriginal as LoyaltyAccount } from '@wix/auto_sdk_loyalty_accounts/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export type WixLoyaltyAccount = Rest<LoyaltyAccount>;

export const ACCOUNTS_PATH = '/loyalty-accounts/v1/accounts';

/** Query Loyalty Accounts pages by cursor, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;
export const ITEMS_KEY = 'loyaltyAccounts';

/** The Wix Loyalty app; points earned "by hand" carry its ID as `appId`. */
export const LOYALTY_APP_ID = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';

/** Largest amounts Wix takes (SDK: earn 1..9999999, adjust ±9999999, balance 0..999999999). */
export const MAX_EARN = 9_999_999;
export const MAX_ADJUST = 9_999_999;
export const MAX_BALANCE = 999_999_999;

export const NOT_ACTIVE =
	'The loyalty program is not active (it is in DRAFT or PAUSED): activate it first (Wix Loyalty → Program → Activate), then run again.';
const STALE =
	'The account changed since its revision was read (field revision): the node re-reads it and tries once more; if this still fails, something else is changing the account — run again.';

export const errors: WixApiErrors = {
	hints: {
		'404':
			'Check the account: no loyalty account has this ID on this site. Pick it from the list, or use Account → Get by contact ID.',
		ACCOUNT_NOT_FOUND:
			'Check the account: no loyalty account has this ID on this site. Pick it from the list, or use Account → Get by contact ID.',
		PROGRAM_NOT_ACTIVE: NOT_ACTIVE,
		LOYALTY_PROGRAM_NOT_ACTIVE: NOT_ACTIVE,
		'428': NOT_ACTIVE,
		NEGATIVE_BALANCE:
			'The change would take the balance below 0 (field amount): subtract at most the current balance, or set the balance instead.',
		REVISION_MISMATCH: STALE,
		ABORTED: STALE,
		'409': STALE,
	},
};

/** Create Account: the contact is named, a 409 means the contact has an account already. */
export const createErrors: WixApiErrors = {
	hints: {
		...errors.hints,
		'404':
			'Check the contact (field contactId): no contact has this ID on this site. Create the contact first, or create the account by email.',
		CONTACT_NOT_FOUND:
			'Check the contact (field contactId): no contact has this ID on this site. Create the contact first, or create the account by email.',
		ALREADY_EXISTS:
			'This contact already has a loyalty account (one per contact): get it with Account → Get by contact ID, or set If Account Exists to Return Existing.',
		ACCOUNT_ALREADY_EXISTS:
			'This contact already has a loyalty account (one per contact): get it with Account → Get by contact ID, or set If Account Exists to Return Existing.',
		'409':
			'This contact already has a loyalty account (one per contact): get it with Account → Get by contact ID, or set If Account Exists to Return Existing.',
	},
};

/** Get by contact or member ID: a 404 means that person has no account (yet). */
const fetchByErrors = (by: 'contact' | 'member'): WixApiErrors => ({
	hints: {
		'404': `No loyalty account belongs to this ${by} (field ${by}Id): check the ID, or create the account first (Account → Create).`,
		ACCOUNT_NOT_FOUND: `No loyalty account belongs to this ${by} (field ${by}Id): check the ID, or create the account first (Account → Create).`,
	},
});

export function accountPath(id: string): string {
	return `${ACCOUNTS_PATH}/${encodeURIComponent(id)}`;
}

/** Not idempotent: a lost answer is looked into by contact before anything is sent again. */
export const create = (contactId: string): WixRequest => ({
	method: 'POST',
	path: ACCOUNTS_PATH,
	body: { contactId },
	errors: createErrors,
	idempotent: false,
});

export const get = (id: string): WixRequest => ({ method: 'GET', path: accountPath(id), errors });

/** The account of a contact or of a member (Get Account by Secondary ID). */
export const getBy = (by: 'contact' | 'member', id: string): WixRequest => ({
	method: 'GET',
	path: `${ACCOUNTS_PATH}/fetch-by`,
	qs: by === 'contact' ? { contactId: id } : { memberId: id },
	errors: fetchByErrors(by),
});

/**
 * Adjust Points at a revision: `balance` sets the balance, `amount` adds or subtracts. Setting is
 * safe to send again; adding is not (a second send would add twice), so only Wix's 429 retries it
 * and Adjust Points looks for a lost one before sending it again.
 */
export const adjust = (
	id: string,
	body: { balance?: number; amount?: number; description?: string; revision: string },
): WixRequest => ({
	method: 'POST',
	path: `${accountPath(id)}/adjust-points`,
	body: body as IDataObject,
	errors,
	idempotent: body.amount === undefined,
});

/** Earn Points: Wix recognises a re-send by its idempotency key, so it is safe to send again. */
export const earn = (id: string, body: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${accountPath(id)}/earn-points`,
	body,
	errors,
});

/** One page of Query Loyalty Accounts; `query` carries filter, sort and cursorPaging. */
export const queryPage = (query: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${ACCOUNTS_PATH}/query`,
	body: { query },
	errors,
});

/**
 * One page of Search Accounts: free text over `contact.email` and `contact.name` (the fields Wix
 * makes searchable). Its answer names the list `accounts`, not `loyaltyAccounts`.
 */
export const searchPage = (search: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${ACCOUNTS_PATH}/search`,
	body: { search },
	errors,
});

/** Query Loyalty Accounts through every page by cursor, up to `limit`. */
export const query = (query: IDataObject, limit?: number): AllItemsRequest => ({
	...queryPage(query),
	model: 'cursor',
	itemsKey: ITEMS_KEY,
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});
