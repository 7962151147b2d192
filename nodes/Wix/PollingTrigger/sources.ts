// What each event of the Wix Polling Trigger reads, and how that API pages.
import type { IDataObject } from 'n8n-workflow';

import * as cardsApi from '../api/cards';
import * as contactsApi from '../api/contacts';
import * as loyaltyAccountsApi from '../api/loyaltyAccounts';
import * as membersApi from '../api/members';
import type { WixRequest } from '../transport';
import type { KeysetOrder, KeysetSkip } from '../shared/keyset';
import { windowFilter } from './pollWindow';

export interface PollSource {
	itemsKey: string;
	pageSize: number;
	/** The timestamp a record enters the window by. */
	windowField: string;
	/** The timestamp pages are sorted and continued by. */
	keysetField: string;
	/** The order the API sorts `keysetField` in (default ASC). */
	order?: KeysetOrder;
	skip: KeysetSkip;
	/** What the API is asked for (default: `windowField` in [from, to)). */
	readFilter?: (from: string, to: string) => IDataObject;
	/**
	 * For a `readFilter` wider than the window: the time that puts a record in a window. Records read
	 * are kept when it is in [from, to), in its order.
	 */
	windowTime?: (record: IDataObject) => unknown;
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

/**
 * Pipeline cards that entered their stage in the window: created there or moved there. A card's
 * stage entry is its `stageUpdatedDate` (its `createdDate` if Wix leaves that empty); Query Cards
 * cannot filter on it, but a card's `updatedDate` is never earlier, so the node reads every card
 * updated since the window's start (Query Cards sorts `updatedDate` only DESC: keyset paging from
 * the newest down, skipping the IDs already read at the last timestamp) and keeps those whose
 * stage entry is in the window. A card renamed after its move, even after the window's end, is
 * still reported once, in the window of its move; a card only edited is not reported.
 */
const movedOrCreatedCards: PollSource = {
	itemsKey: 'cards',
	pageSize: cardsApi.QUERY_PAGE_SIZE,
	windowField: 'stageUpdatedDate',
	keysetField: 'updatedDate',
	order: 'DESC',
	skip: 'excludeIds',
	readFilter: (from) => ({ updatedDate: { $gte: from } }),
	windowTime: (card) => card.stageUpdatedDate ?? card.createdDate,
	page: (filter, _offset, size) =>
		cardsApi.queryPage({
			filter,
			sort: [{ fieldName: 'updatedDate', order: 'DESC' }],
			cursorPaging: { limit: size },
		}),
	sample: () =>
		cardsApi.queryPage({
			sort: [{ fieldName: 'updatedDate', order: 'DESC' }],
			cursorPaging: { limit: 1 },
		}),
};

/** The filter a source asks the API for, for the window [from, to). */
export function readFilterOf(source: PollSource, from: string, to: string): IDataObject {
	return source.readFilter
		? source.readFilter(from, to)
		: windowFilter(source.windowField, from, to);
}

const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);

/** The records read that belong to the window [from, to), oldest first (all of them by default). */
export function inWindow(
	source: PollSource,
	records: IDataObject[],
	from: string,
	to: string,
): IDataObject[] {
	const windowTime = source.windowTime;
	if (!windowTime) return records;
	const start = time(from);
	const end = time(to);
	return records
		.map((record) => ({ record, at: time(windowTime(record)) }))
		.filter(({ at }) => at >= start && at < end)
		.sort((a, b) => a.at - b.at)
		.map(({ record }) => record);
}

export const POLL_SOURCES: Record<string, PollSource> = {
	cardMovedOrCreated: movedOrCreatedCards,
	newContact: contacts('createdDate', 'created'),
	updatedContact: contacts('updatedDate', 'updated'),
	newMember: newMembers,
	loyaltyBalanceChanged: loyaltyAccounts,
	loyaltyThreshold: loyaltyAccounts,
};
