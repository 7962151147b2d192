import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import * as badgesApi from '../../api/badges';
import { wixApiRequestAllItems } from '../../transport';

/** Badges by title (List Badges has no filter, so all are read and matched here). */
export async function searchBadges(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().toLowerCase();
	const badges = await wixApiRequestAllItems<badgesApi.WixBadge>(this, badgesApi.list());
	return {
		results: badges
			.filter((b) => !text || (b.title ?? '').toLowerCase().includes(text))
			.map((b) => ({ name: b.title ?? String(b.id), value: String(b.id) })),
	};
}
