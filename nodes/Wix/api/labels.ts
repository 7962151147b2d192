// Wix Contacts API v4, labels.
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const LABELS_PATH = '/contacts/v4/labels';

export const errors: WixApiErrors = {
	hints: { '404': 'Check the label key: no label has it on this site (it may have been deleted).' },
};

/** Every label of the site (List Labels takes up to 2000 per page). */
export const list = (): AllItemsRequest => ({
	method: 'GET',
	path: LABELS_PATH,
	model: 'offset',
	itemsKey: 'labels',
	pageSize: 2000,
	pagingIn: 'qs',
	errors,
});

/** Find or Create Label: returns the label with this display name, creating it when there is none. */
export const findOrCreate = (displayName: string): WixRequest => ({
	method: 'POST',
	path: LABELS_PATH,
	body: { displayName },
	errors,
});

const labelPath = (key: string) => `${LABELS_PATH}/${encodeURIComponent(key)}`;

/** Rename Label (the key stays). */
export const rename = (key: string, displayName: string): WixRequest => ({
	method: 'PATCH',
	path: labelPath(key),
	body: { label: { key, displayName } },
	errors,
});

export const remove = (key: string): WixRequest => ({
	method: 'DELETE',
	path: labelPath(key),
	errors,
});
