// The part of the site contacts read: their own state, and the labels, fields, subscriptions and
// membership a contact's validation and derived fields depend on.
import type { SiteContext } from '../core/context';
import type { EmailSubscriptionsState } from '../emailSubscriptions/store';
import type { ExtendedFieldsState } from '../extendedFields/store';
import type { LabelsState } from '../labels/store';
import type { MembersState } from '../members/members';
import type { ContactsState } from './store';

export type ContactsSite = SiteContext<ContactsState & LabelsState & ExtendedFieldsState & EmailSubscriptionsState & MembersState>['site'];
export type ContactsContext = SiteContext<ContactsSite>;
