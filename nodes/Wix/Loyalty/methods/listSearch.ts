import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import * as accountsApi from '../../api/loyaltyAccounts';
import { wixApiRequest } from '../../transport';

function label(account: accountsApi.WixLoyaltyAccount): string {
	const who = account.contact?.displayName || account.contact?.name || account.contact?.email || '';
	const balance = `${account.points?.balance ?? 0} points`;
	return who ? `${who} (${balance})` : `${String(account.id)} (${balance})`;
}

/** Accounts, newest first, a page (100) per call by cursor; the search matches name and email. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().slice(0, 100);
	const cursorPaging = paginationToken
		? { limit: accountsApi.QUERY_PAGE_SIZE, cursor: paginationToken }
		: { limit: accountsApi.QUERY_PAGE_SIZE };
	type Page = {
		loyaltyAccounts?: accountsApi.WixLoyaltyAccount[];
		accounts?: accountsApi.WixLoyaltyAccount[];
		pagingMetadata?: { cursors?: { next?: string | null }; hasNext?: boolean | null };
	};
	// A cursor carries its query; the first page says what to look for.
	const first = paginationToken ? {} : { sort: [{ fieldName: 'createdDate', order: 'DESC' }] };
	const response = text
		? await wixApiRequest<Page>(
				this,
				accountsApi.searchPage({
					// Search sorts by relevance (createdDate is not among its sortable fields).
					...(paginationToken
						? {}
						: { search: { expression: text, fields: ['contact.email', 'contact.name'] } }),
					cursorPaging,
				}),
			)
		: await wixApiRequest<Page>(this, accountsApi.queryPage({ ...first, cursorPaging }));
	const next = response.pagingMetadata?.cursors?.next;
	return {
		results: (response.loyaltyAccounts ?? response.accounts ?? []).map((a) => ({
			name: label(a),
			value: String(a.id),
		})),
		paginationToken: next && response.pagingMetadata?.hasNext !== false ? next : undefined,
	};
}
