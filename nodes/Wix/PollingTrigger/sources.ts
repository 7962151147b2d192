// What each event of the Wix Polling Trigger reads, and how that API pages.
import type { IDataObject } from 'n8n-workflow';

import type { KeysetSkip } from '../shared/pollWindow';

export interface PollSource {
	path: string;
	itemsKey: string;
	pageSize: number;
	/** The timestamp a record enters the window by. */
	windowField: string;
	/** The timestamp pages are sorted and continued by. */
	keysetField: string;
	skip: KeysetSkip;
	/** The request body for one page. */
	body: (filter: IDataObject, offset: number) => IDataObject;
}

const contacts = (windowField: string): PollSource => ({
	path: '/contacts/v4/contacts/query',
	itemsKey: 'contacts',
	pageSize: 1000,
	windowField,
	keysetField: 'createdDate',
	skip: 'offset',
	body: (filter, offset) => ({ query: { filter, sort: [{ fieldName: 'createdDate', order: 'ASC' }], paging: { limit: 1000, offset }, fieldsets: ['FULL'] } }),
});

const loyaltyAccounts: PollSource = {
	path: '/loyalty-accounts/v1/accounts/query',
	itemsKey: 'loyaltyAccounts',
	pageSize: 100,
	windowField: 'lastActivityDate',
	keysetField: 'lastActivityDate',
	skip: 'excludeIds',
	body: (filter) => ({ query: { filter, sort: [{ fieldName: 'lastActivityDate', order: 'ASC' }], cursorPaging: { limit: 100 } } }),
};

export const POLL_SOURCES: Record<string, PollSource> = {
	newContact: contacts('createdDate'),
	updatedContact: contacts('updatedDate'),
	newMember: {
		path: '/members/v1/members/query',
		itemsKey: 'members',
		pageSize: 100,
		windowField: 'createdDate',
		keysetField: 'createdDate',
		skip: 'offset',
		body: (filter, offset) => ({ query: { filter, sorting: [{ fieldName: 'createdDate', order: 'ASC' }], paging: { limit: 100, offset } }, fieldsets: ['FULL'] }),
	},
	loyaltyBalanceChanged: loyaltyAccounts,
	loyaltyThreshold: loyaltyAccounts,
};

/** The newest record, for "Fetch Test Event". */
export function sampleBody(source: PollSource): IDataObject {
	const sort = [{ fieldName: source.keysetField, order: 'DESC' }];
	if (source.itemsKey === 'members') return { query: { sorting: sort, paging: { limit: 1 } }, fieldsets: ['FULL'] };
	if (source.itemsKey === 'loyaltyAccounts') return { query: { sort, cursorPaging: { limit: 1 } } };
	return { query: { sort: [{ fieldName: 'createdDate', order: 'DESC' }], paging: { limit: 1 }, fieldsets: ['FULL'] } };
}
