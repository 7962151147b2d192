// The three Wix paging models behind one loop, so every "Get Many" pages the same way.

export type PagingModel = 'offset' | 'cursor' | 'legacy';

export interface PageRequest {
	limit: number;
	offset: number;
	cursor?: string;
}

type Page = Record<string, unknown>;

/** What a page says about the next one; only cursor paging needs it. */
interface PagingMetadata {
	cursors?: { next?: string | null };
	hasNext?: boolean;
}

function metadataOf(page: Page, model: PagingModel): PagingMetadata {
	if (model === 'legacy') return (page.pagination as PagingMetadata) ?? {};
	return ((page.pagingMetadata ?? page.metadata) as PagingMetadata) ?? {};
}

export interface CollectOptions {
	model: PagingModel;
	itemsKey: string;
	/** Largest page the endpoint accepts. */
	pageSize: number;
	/** Undefined means "all". */
	limit?: number;
}

/**
 * Calls `fetchPage` until the wanted number of items is reached or Wix has no more.
 * Never asks for more than is still wanted, so "Limit: 5" costs one small request.
 */
export async function collectPages<T>(
	options: CollectOptions,
	fetchPage: (page: PageRequest) => Promise<Page>,
): Promise<T[]> {
	const { model, itemsKey, pageSize, limit } = options;
	const items: T[] = [];
	let offset = 0;
	let cursor: string | undefined;
	for (;;) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
		if (wanted <= 0) break;
		const page = await fetchPage({ limit: wanted, offset, cursor });
		const batch = (page[itemsKey] as T[] | undefined) ?? [];
		items.push(...batch.slice(0, limit === undefined ? batch.length : limit - items.length));
		const meta = metadataOf(page, model);
		if (model === 'cursor') {
			cursor = meta.cursors?.next ?? undefined;
			if (!cursor || meta.hasNext === false || batch.length === 0) break;
			continue;
		}
		offset += batch.length;
		// Only a short page ends a read: a reported total can be stale or wrong, and trusting it
		// once made a stand-in's 1,000 out of 20,000 contacts look like all of them.
		if (batch.length < wanted) break;
	}
	return items;
}
