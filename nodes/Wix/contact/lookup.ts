// Finding contacts: one by email, or many by one attribute in batches (Query Contacts takes up to
// 100 values in an $in filter), so a run costs one request per 100 items, not one per item.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import * as contactsApi from '../api/contacts';
import { readByKeyset, type KeysetOrder } from '../shared/keyset';
import { chunks, normalizeEmail } from '../shared/lists';
import { wixApiRequest, wixApiRequestAllItems } from '../transport';
import type { WixContact } from './info';

/** How many values one $in filter of Query Contacts may hold. */
export const LOOKUP_BATCH = 100;

export async function findContactByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<WixContact | undefined> {
	const body: IDataObject = {
		query: {
			filter: { 'info.emails.email': normalizeEmail(email) },
			paging: { limit: 1 },
			fieldsets: ['FULL'],
		},
	};
	const { contacts } = await wixApiRequest<{ contacts: WixContact[] }>(
		ctx,
		contactsApi.queryPage(body),
		itemIndex,
	);
	return contacts?.[0];
}

/** Every contact whose `field` holds one of `values`, oldest first, in batches of 100 values. */
export async function findContactsBy(
	ctx: IExecuteFunctions,
	field: string,
	values: string[],
): Promise<WixContact[]> {
	const found: WixContact[] = [];
	for (const batch of chunks([...new Set(values)], LOOKUP_BATCH)) {
		const body = {
			query: {
				filter: { [field]: { $in: batch } },
				sort: [{ fieldName: 'createdDate', order: 'ASC' }],
				fieldsets: ['FULL'],
			},
		};
		found.push(...(await wixApiRequestAllItems<WixContact>(ctx, contactsApi.query(body))));
	}
	return found;
}

/**
 * Contacts matching `filter` in creation order, read by keyset so that contacts created or deleted
 * meanwhile shift nothing. `query` adds projection (fieldsets, fields) and `search`; createdDate is
 * always asked for, because the next page starts from it.
 */
export async function readContactsByCreation(
	ctx: IExecuteFunctions,
	filter: IDataObject,
	order: KeysetOrder,
	i: number,
	options: { limit?: number; projection?: IDataObject; search?: string } = {},
): Promise<WixContact[]> {
	const projection = options.projection ?? { fieldsets: ['FULL'] };
	const full =
		!projection.fields && ((projection.fieldsets as string[] | undefined) ?? []).includes('FULL');
	const asked = (projection.fields as string[] | undefined) ?? [];
	const fields = full ? {} : { fields: [...asked, 'createdDate'] };
	// createdDate stays in the output only where the projection returns it anyway.
	const dropCreated = !full && !asked.includes('createdDate');
	const search = options.search ? { search: options.search } : {};
	const contacts = await readByKeyset<WixContact & IDataObject>(
		ctx,
		{
			itemsKey: 'contacts',
			pageSize: contactsApi.QUERY_PAGE_SIZE,
			keysetField: 'createdDate',
			order,
			skip: 'offset',
			filter,
			limit: options.limit,
			page: (pageFilter, offset, size) =>
				contactsApi.queryPage({
					query: {
						filter: pageFilter,
						sort: [{ fieldName: 'createdDate', order }],
						paging: { limit: size, offset },
						...projection,
						...fields,
					},
					...search,
				}),
		},
		i,
	);
	if (dropCreated) for (const contact of contacts) delete contact.createdDate;
	return contacts;
}
