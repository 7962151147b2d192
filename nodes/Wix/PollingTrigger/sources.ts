// What each event of the Wix Polling Trigger reads, and how that API pages.
import type { IDataObject } from 'n8n-workflow';

import * as contactsApi from '../api/contacts';
import * as loyaltyAccountsApi from '../api/loyaltyAccounts';
import * as membersApi from '../api/members';
import type { WixRequest } from '../transport';
import type { KeysetSkip } from '../shared/keyset';

export interface PollSource {
	itemsKey: string;
	pageSize: number;
	/** The timestamp a record enters the window by. */
	windowField: string;
	/** The timestamp pages are sorted and continued by. */
	keysetField: string;
	skip: KeysetSkip;
	/** The request for one page. */
	page: (filter: IDataObject, offset: number, size: number) => WixRequest;
	/** The newest record, for "Fetch Test Event". */
	sample: () => WixRequest;
	/** The entity and event slug a record stands for, for Ignore Our Own Writes. */
	echo?: { entityFqdn: string; slug: string };
}

const contacts = (windowField: string, slug: string): PollSource => ({
	itemsKey: 'contacts',
	pageSize: contactsApi.QUERY_PAGE_SIZE,
	windowField,
	keysetField: 'createdDate',
	skip: 'offset',
	page: (filter, offset, size) =>
		contactsApi.queryPage({
			query: {
				filter,
				sort: [{ fieldName: 'createdDate', order: 'ASC' }],
				paging: { limit: size, offset },
				fieldsets: ['FULL'],
			},
		}),
	sample: () =>
		contactsApi.queryPage({
			query: {
				sort: [{ fieldName: 'createdDate', order: 'DESC' }],
				paging: { limit: 1 },
				fieldsets: ['FULL'],
			},
		}),
	echo: { entityFqdn: contactsApi.ENTITY_FQDN, slug },
});

const loyaltyAccounts: PollSource = {
	itemsKey: loyaltyAccountsApi.ITEMS_KEY,
	pageSize: loyaltyAccountsApi.QUERY_PAGE_SIZE,
	windowField: 'lastActivityDate',
	keysetField: 'lastActivityDate',
	skip: 'excludeIds',
	page: (filter, _offset, size) =>
		loyaltyAccountsApi.queryPage({
			filter,
			sort: [{ fieldName: 'lastActivityDate', order: 'ASC' }],
			cursorPaging: { limit: size },
		}),
	sample: () =>
		loyaltyAccountsApi.queryPage({
			sort: [{ fieldName: 'lastActivityDate', order: 'DESC' }],
			cursorPaging: { limit: 1 },
		}),
};

const newMembers: PollSource = {
	itemsKey: membersApi.ITEMS_KEY,
	pageSize: membersApi.QUERY_PAGE_SIZE,
	windowField: 'createdDate',
	keysetField: 'createdDate',
	skip: 'offset',
	page: (filter, offset, size) =>
		membersApi.queryPage({
			filter,
			sorting: [{ fieldName: 'createdDate', order: 'ASC' }],
			paging: { limit: size, offset },
		}),
	sample: () =>
		membersApi.queryPage({
			sorting: [{ fieldName: 'createdDate', order: 'DESC' }],
			paging: { limit: 1 },
		}),
};

export const POLL_SOURCES: Record<string, PollSource> = {
	newContact: contacts('createdDate', 'created'),
	updatedContact: contacts('updatedDate', 'updated'),
	newMember: newMembers,
	loyaltyBalanceChanged: loyaltyAccounts,
	loyaltyThreshold: loyaltyAccounts,
};
