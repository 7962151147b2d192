// Wix Contacts API v4, contacts: its paths, ready-made requests, and what its errors mean.
// Every call on contacts goes through here, so a path or a paging setting is written once.
import type { IDataObject } from 'n8n-workflow';

import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const CONTACTS_PATH = '/contacts/v4/contacts';

/** How webhooks name a contact (`entityFqdn`). */
export const ENTITY_FQDN = 'wix.contacts.v4.contact';

/** Query Contacts takes up to 1000 per page. */
export const QUERY_PAGE_SIZE = 1000;

export const errors: WixApiErrors = {
	hints: {
		'404':
			'Check the ID: no contact has it on this site (it may have been deleted, or merged into another contact).',
		DUPLICATE_CONTACT_EXISTS:
			'Another contact already has this email or phone: use Create or Update, or turn on Allow Duplicates.',
		'409':
			'The contact already exists or changed since it was read: re-read it, or use Create or Update instead of Create.',
		'428':
			'Wix refused because of the contact’s state (for example, a contact that is a site member cannot be deleted).',
	},
	describeData: (data) => {
		const parts: string[] = [];
		if (typeof data.duplicateContactId === 'string')
			parts.push(`existing contact ID: ${data.duplicateContactId}`);
		if (typeof data.duplicateEmail === 'string') parts.push(`email: ${data.duplicateEmail}`);
		if (typeof data.duplicatePhone === 'string') parts.push(`phone: ${data.duplicatePhone}`);
		return parts.join(', ');
	},
};

export function contactPath(id: string): string {
	return `${CONTACTS_PATH}/${encodeURIComponent(id)}`;
}

export const get = (id: string, fieldsets: string[] = ['FULL']): WixRequest => ({
	method: 'GET',
	path: contactPath(id),
	qs: { fieldsets },
	errors,
});

/** Not idempotent: a lost answer is looked into, not simply sent again (contact/write.ts). */
export const create = (body: IDataObject): WixRequest => ({
	method: 'POST',
	path: CONTACTS_PATH,
	body,
	errors,
	idempotent: false,
});

export const update = (id: string, body: IDataObject): WixRequest => ({
	method: 'PATCH',
	path: contactPath(id),
	body,
	errors,
});

export const remove = (id: string): WixRequest => ({
	method: 'DELETE',
	path: contactPath(id),
	errors,
});

export const merge = (targetId: string, body: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${contactPath(targetId)}/merge`,
	body,
	errors,
	idempotent: false,
});

export const labelContact = (id: string, labelKeys: string[]): WixRequest => ({
	method: 'POST',
	path: `${contactPath(id)}/labels`,
	body: { labelKeys },
	errors,
});

export const unlabelContact = (id: string, labelKeys: string[]): WixRequest => ({
	method: 'DELETE',
	path: `${contactPath(id)}/labels`,
	qs: { labelKeys },
	errors,
});

/** One page of Query Contacts, for pickers and samples. `body` is `{ query, search? }`. */
export const queryPage = (body: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${CONTACTS_PATH}/query`,
	body,
	errors,
});

/** Query Contacts through every page (offset paging in `query.paging`), up to `limit`. */
export const query = (body: IDataObject, limit?: number): AllItemsRequest => ({
	...queryPage(body),
	model: 'offset',
	itemsKey: 'contacts',
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});
