// The contact picker's list: newest first, searched by name, email or phone; every node with a
// contact picker uses it.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import * as contactsApi from '../api/contacts';
import { wixApiRequest } from '../transport';

const PAGE = 100;

interface ListedContact {
	id: string;
	primaryInfo?: { email?: string; phone?: string };
	info?: { name?: { first?: string; last?: string } };
}

function label(contact: ListedContact): string {
	const name = [contact.info?.name?.first, contact.info?.name?.last].filter(Boolean).join(' ');
	const reach = contact.primaryInfo?.email ?? contact.primaryInfo?.phone;
	if (name && reach) return `${name} (${reach})`;
	return name || reach || contact.id;
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = paginationToken ? Number(paginationToken) : 0;
	const body: IDataObject = {
		query: {
			sort: [{ fieldName: 'createdDate', order: 'DESC' }],
			paging: { limit: PAGE, offset },
			fieldsets: ['BASIC'],
		},
	};
	if (filter) body.search = filter.slice(0, 100);
	const response = await wixApiRequest<{
		contacts?: ListedContact[];
		pagingMetadata?: { total?: number };
	}>(this, contactsApi.queryPage(body));
	const contacts = response.contacts ?? [];
	const next = offset + contacts.length;
	const more = contacts.length === PAGE && (response.pagingMetadata?.total ?? Infinity) > next;
	return {
		results: contacts.map((c) => ({ name: label(c), value: c.id })),
		paginationToken: more ? String(next) : undefined,
	};
}
