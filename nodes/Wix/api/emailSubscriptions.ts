// Wix Email Marketing API, email subscriptions.
import type { IDataObject } from 'n8n-workflow';

import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const SUBSCRIPTIONS_PATH = '/email-marketing/v1/email-subscriptions';

/** Query, and bulk upsert, take up to 100 emails per request. */
export const BATCH_SIZE = 100;

export const errors: WixApiErrors = {};

export const upsert = (subscription: IDataObject): WixRequest => ({
	method: 'POST',
	path: SUBSCRIPTIONS_PATH,
	body: { subscription },
	errors,
});

export const bulkUpsert = (subscriptions: IDataObject[]): WixRequest => ({
	method: 'POST',
	path: `${SUBSCRIPTIONS_PATH}/bulk`,
	body: { subscriptions },
	errors,
});

/** The subscriptions of up to 100 emails (offset paging in the body). */
export const queryByEmails = (emails: string[]): AllItemsRequest => ({
	method: 'POST',
	path: `${SUBSCRIPTIONS_PATH}/query`,
	body: { filter: { email: { $in: emails } } },
	model: 'offset',
	itemsKey: 'subscriptions',
	pageSize: BATCH_SIZE,
	pagingIn: 'body',
	errors,
});
