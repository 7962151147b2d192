// The contacts of the site and the facts about them that only the admin API sets.
import type { Contact } from './types';

export interface ContactsState {
	contacts: Map<string, Contact>;
	/** Source contact ID -> target it was merged into (Get answers MERGED for these). */
	mergedInto: Map<string, string>;
	/** The site owner and contributors, and contacts with a billing subscription: Wix will not delete them. */
	ownerContactIds: Set<string>;
	billingContactIds: Set<string>;
}

export function contactsState(): ContactsState {
	return {
		contacts: new Map(),
		mergedInto: new Map(),
		ownerContactIds: new Set(),
		billingContactIds: new Set(),
	};
}
