// The part of the site contacts read: their own state, and the labels, fields, subscriptions and
// membership a contact's validation and derived fields depend on.
import type { SiteContext } from '../core/context';
import type { ExtendedFieldsState } from '../extendedFields/store';
import type { LabelsState } from '../labels/store';
import type { MembersState } from '../members/members';
import type { ContactsState } from './store';

/**
 * What a contact shows of its primary email's subscription. Email Subscriptions sits above contacts
 * (a change there updates contacts), so contacts name only the two statuses they read.
 */
export interface SubscriptionsView {
	subscriptions: Map<
		string,
		{ subscriptionStatus?: string | null; deliverabilityStatus?: string | null }
	>;
}

export type ContactsSite = SiteContext<
	ContactsState & LabelsState & ExtendedFieldsState & SubscriptionsView & MembersState
>['site'];
export type ContactsContext = SiteContext<ContactsSite>;
