// Wix Loyalty API, the transaction log (`@wix/auto_sdk_loyalty_transactions`, type-only).
import type { LoyaltyTransactionOriginal as LoyaltyTransaction } from '@wix/auto_sdk_loyalty_transactions/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors } from '../transport';

export type WixLoyaltyTransaction = Rest<LoyaltyTransaction>;

export const TRANSACTIONS_PATH = '/loyalty-transactions/v1/loyalty-transactions';

/** Query Loyalty Transactions pages by cursor, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;

export const errors: WixApiErrors = {};

/** Query Loyalty Transactions through every page by cursor, up to `limit`. */
export const query = (query: IDataObject, limit?: number): AllItemsRequest => ({
	method: 'POST',
	path: `${TRANSACTIONS_PATH}/query`,
	body: { query },
	errors,
	model: 'cursor',
	itemsKey: 'loyaltyTransactions',
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});
