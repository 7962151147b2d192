// Wix Contacts API v4, extended fields (custom fields and Wix's system fields).
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const EXTENDED_FIELDS_PATH = '/contacts/v4/extended-fields';

export const errors: WixApiErrors = {
	hints: {
		'404': 'Check the field key: no custom field has it on this site (it may have been deleted).',
	},
};

/** Every field of the site (List Extended Fields takes up to 1000 per page). */
export const list = (): AllItemsRequest => ({
	method: 'GET',
	path: EXTENDED_FIELDS_PATH,
	model: 'offset',
	itemsKey: 'fields',
	pageSize: 1000,
	pagingIn: 'qs',
	errors,
});

/** Find or Create Extended Field: by display name; `dataType` is used only when it is created. */
export const findOrCreate = (displayName: string, dataType?: string): WixRequest => ({
	method: 'POST',
	path: EXTENDED_FIELDS_PATH,
	body: dataType ? { displayName, dataType } : { displayName },
	errors,
});

const fieldPath = (key: string) => `${EXTENDED_FIELDS_PATH}/${encodeURIComponent(key)}`;

/** Rename Extended Field (the key stays). */
export const rename = (key: string, displayName: string): WixRequest => ({
	method: 'PATCH',
	path: fieldPath(key),
	body: { field: { key, displayName } },
	errors,
});

export const remove = (key: string): WixRequest => ({
	method: 'DELETE',
	path: fieldPath(key),
	errors,
});
