import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import * as accountsApi from '../../api/loyaltyAccounts';
import { wixApiRequest } from '../../transport';

function label(account: accountsApi.WixLoyaltyAccount): string {
	const who = account.contact?.displayName || account.contact?.name || account.contact?.email || '';
	const balance = `${account.points?.balance ?? 0} points`;
	return who ? `${who} (${balance})` : `${String(account.id)} (${balance})`;
}

function matches(account: accountsApi.WixLoyaltyAccount, filter?: string): boolean {
	const text = filter?.trim().toLowerCase();
	if (!text) return true;
	return [account.contact?.name, account.contact?.displayName, account.contact?.email, account.id]
		.filter(Boolean)
		.some((value) => String(value).toLowerCase().includes(text));
}

/** Accounts, newest first, a page (100) per call by cursor; the search matches name and email. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = paginationToken
		? { cursorPaging: { limit: accountsApi.QUERY_PAGE_SIZE, cursor: paginationToken } }
		: {
				sort: [{ fieldName: 'createdDate', order: 'DESC' }],
				cursorPaging: { limit: accountsApi.QUERY_PAGE_SIZE },
			};
	const response = await wixApiRequest<{
		loyaltyAccounts?: accountsApi.WixLoyaltyAccount[];
		pagingMetadata?: { cursors?: { next?: string | null }; hasNext?: boolean | null };
	}>(this, accountsApi.queryPage(query));
	const next = response.pagingMetadata?.cursors?.next;
	return {
		results: (response.loyaltyAccounts ?? [])
			.filter((a) => matches(a, filter))
			.map((a) => ({ name: label(a), value: String(a.id) })),
		paginationToken: next && response.pagingMetadata?.hasNext !== false ? next : undefined,
	};
}
