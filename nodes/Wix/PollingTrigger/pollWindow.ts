// The polling cursor: each poll reads a half-open time window [from, to), with `to` a little in the
// past so records Wix has not finished indexing are read next time. Inside the window it pages by a
// timestamp (keyset: "from this timestamp on, leaving out the records already read at it"), not by
// plain offset, so records that change mid-poll do not shift the pages and hide others. A record
// belongs to exactly one window by its timestamp: none lost, none repeated, however many share one
// timestamp, even more than a page, or sit across a page boundary.
import type { IDataObject } from 'n8n-workflow';

export interface PollCursor {
	/** Start of the next window (ISO), inclusive. */
	from: string;
}

/** Where the next page starts: at this timestamp, after the records already read at it. */
export interface Keyset {
	value: string;
	ids: string[];
}

/**
 * How the records already read at the keyset timestamp are left out: by offset (APIs with offset
 * paging, whose ID filter has no $nin) or by an `id $nin` filter (APIs with cursor paging only).
 */
export type KeysetSkip = 'offset' | 'excludeIds';

/** The filter and offset for one page inside the window on `field`, paging by `keysetField`. */
export function windowQuery(
	field: string,
	from: string,
	to: string,
	keysetField: string,
	keyset: Keyset | undefined,
	skip: KeysetSkip,
): { filter: IDataObject; offset: number } {
	const window: IDataObject = { [field]: { $gte: from, $lt: to } };
	if (!keyset) return { filter: window, offset: 0 };
	const parts: IDataObject[] = [window, { [keysetField]: { $gte: keyset.value } }];
	if (skip === 'excludeIds' && keyset.ids.length) parts.push({ id: { $nin: keyset.ids } });
	return { filter: { $and: parts }, offset: skip === 'offset' ? keyset.ids.length : 0 };
}

/** The keyset after a page sorted ascending by `keysetField`, or undefined when it was the last. */
export function nextKeyset(
	page: IDataObject[],
	pageSize: number,
	keysetField: string,
	keyset?: Keyset,
): Keyset | undefined {
	if (page.length < pageSize || page.length === 0) return undefined;
	const valueOf = (item: IDataObject) => String(item[keysetField]);
	const last = valueOf(page[page.length - 1]);
	const atLast = page.filter((item) => valueOf(item) === last).map((item) => String(item.id));
	const carried = keyset && keyset.value === last ? keyset.ids : [];
	return { value: last, ids: [...new Set([...carried, ...atLast])] };
}
