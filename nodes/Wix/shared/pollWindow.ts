// The polling cursor: each poll reads a half-open time window [from, to), with `to` a little in the
// past so records Wix has not finished indexing are read next time. Inside the window it pages by
// createdDate (keyset: "from this timestamp on, skipping the ones already read at it"), not by plain
// offset, so records that change mid-poll do not shift the pages. A record belongs to exactly one
// window by its timestamp: none lost, none repeated, however many share one timestamp, even more
// than a page, or sit across a page boundary.
import type { IDataObject } from 'n8n-workflow';

export interface PollCursor {
	/** Start of the next window (ISO), inclusive. */
	from: string;
}

/** Where the next page starts: at this createdDate, after the `seen` records already read at it. */
export interface Keyset {
	createdDate: string;
	seen: number;
}

interface Dated {
	id?: string | null;
	createdDate?: string | null;
}

/** The filter and offset for one page inside the window on `field`. */
export function windowQuery(field: string, from: string, to: string, keyset?: Keyset): { filter: IDataObject; offset: number } {
	const window: IDataObject = { [field]: { $gte: from, $lt: to } };
	if (!keyset) return { filter: window, offset: 0 };
	return { filter: { $and: [window, { createdDate: { $gte: keyset.createdDate } }] }, offset: keyset.seen };
}

/** The keyset after a page (sorted by createdDate ascending), or undefined when it was the last. */
export function nextKeyset(page: Dated[], pageSize: number, keyset?: Keyset): Keyset | undefined {
	if (page.length < pageSize || page.length === 0) return undefined;
	const last = String(page[page.length - 1].createdDate);
	const atLast = page.filter((item) => item.createdDate === last).length;
	return { createdDate: last, seen: (keyset && keyset.createdDate === last ? keyset.seen : 0) + atLast };
}
