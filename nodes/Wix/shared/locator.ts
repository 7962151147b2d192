// Resource-locator values as the editor saves them ({ __rl, mode, value }), and as workflows saved
// before a picker became a locator still hold them: a plain string (or an array from an
// expression), which always meant an ID or key.
import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { GUID_REGEX } from './descriptions';

export interface LocatorValue {
	mode: string;
	value: string;
}

/** The locator's mode and trimmed value; an old plain value reads as mode `id`. */
export function readLocator(raw: unknown): LocatorValue {
	if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw) {
		const locator = raw as INodeParameterResourceLocator;
		const value = locator.value;
		return {
			mode: String(locator.mode || 'id'),
			value: (Array.isArray(value) ? value.join(',') : String(value ?? '')).trim(),
		};
	}
	if (Array.isArray(raw)) return { mode: 'id', value: raw.join(',').trim() };
	return { mode: 'id', value: String(raw ?? '').trim() };
}

/**
 * A contact's page in the Wix dashboard: https://manage.wix.com/dashboard/<siteId>/contacts/view/<contactId>.
 * Any path under /contacts/ that ends in the contact's GUID is accepted, so a link copied from a tab
 * of the contact page works too.
 */
export const CONTACT_URL_REGEX = `^\\s*https?://manage\\.wix\\.com/dashboard/[^/?#]+/contacts/(?:[^?#]*/)?(${GUID_REGEX})(?:[/?#].*)?\\s*$`;

/** The contact ID in a dashboard URL, or undefined when the text is not such a URL. */
export function contactIdFromUrl(url: string): string | undefined {
	return new RegExp(CONTACT_URL_REGEX).exec(url)?.[1];
}
