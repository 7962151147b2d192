// Reading a set that changes meanwhile. Plain offset paging shifts when records are created or
// deleted during the read, so some come twice and others never. Paging by a timestamp instead
// ("from this timestamp on, leaving out the records already read at it") reads every record that
// existed for the whole read exactly once, however many share one timestamp, even across pages.
import type { IDataObject } from 'n8n-workflow';

import { wixApiRequest, type WixContext, type WixRequest } from '../transport';

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

export type KeysetOrder = 'ASC' | 'DESC';

/** The filter and offset of the page that starts at `keyset` (the first page without one). */
export function keysetQuery(
	filter: IDataObject,
	keysetField: string,
	order: KeysetOrder,
	keyset: Keyset | undefined,
	skip: KeysetSkip,
): { filter: IDataObject; offset: number } {
	if (!keyset) return { filter, offset: 0 };
	const from = { [keysetField]: { [order === 'ASC' ? '$gte' : '$lte']: keyset.value } };
	const parts: IDataObject[] = Object.keys(filter).length ? [filter, from] : [from];
	if (skip === 'excludeIds' && keyset.ids.length) parts.push({ id: { $nin: keyset.ids } });
	return {
		filter: parts.length === 1 ? parts[0] : { $and: parts },
		offset: skip === 'offset' ? keyset.ids.length : 0,
	};
}

/** The keyset after a page sorted by `keysetField`, or undefined when it was the last. */
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

export interface KeysetRead {
	itemsKey: string;
	/** Largest page the endpoint accepts. */
	pageSize: number;
	/** The timestamp pages are sorted and continued by; the request must sort by it in `order`. */
	keysetField: string;
	order: KeysetOrder;
	skip: KeysetSkip;
	/** What every record read must match. */
	filter: IDataObject;
	/** The request for one page: its filter, offset and size. */
	page: (filter: IDataObject, offset: number, size: number) => WixRequest;
	/** Undefined reads everything. */
	limit?: number;
}

/** Every record of `read` once, in its order, up to its limit; it stops only on a short page. */
export async function readByKeyset<T extends IDataObject = IDataObject>(
	ctx: WixContext,
	read: KeysetRead,
	itemIndex?: number,
): Promise<T[]> {
	const found: T[] = [];
	const seen = new Set<string>();
	let keyset: Keyset | undefined;
	do {
		const size =
			read.limit === undefined ? read.pageSize : Math.min(read.pageSize, read.limit - found.length);
		if (size <= 0) break;
		const { filter, offset } = keysetQuery(
			read.filter,
			read.keysetField,
			read.order,
			keyset,
			read.skip,
		);
		const response = await wixApiRequest<Record<string, T[]>>(
			ctx,
			read.page(filter, offset, size),
			itemIndex,
		);
		const page = response[read.itemsKey] ?? [];
		for (const record of page) {
			if (seen.has(String(record.id))) continue;
			seen.add(String(record.id));
			found.push(record);
		}
		keyset = nextKeyset(page, size, read.keysetField, keyset);
	} while (keyset);
	return found;
}
