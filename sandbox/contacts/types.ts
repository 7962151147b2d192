// REST shapes of Contacts v4, from Wix's own SDK types.
import type {
	ContactOriginal,
	ContactInfoOriginal,
	CreateContactResponseOriginal,
	GetContactResponseOriginal,
	UpdateContactResponseOriginal,
	ListContactsResponseOriginal,
	QueryContactsResponseOriginal,
	MergeContactsResponseOriginal,
	LabelContactResponseOriginal,
} from '@wix/auto_sdk_crm_contacts/meta';
import type { Rest } from '../core/types';

export type Contact = Rest<ContactOriginal>;
export type ContactInfo = Rest<ContactInfoOriginal>;
export type CreateContactResponse = Rest<CreateContactResponseOriginal>;
export type GetContactResponse = Rest<GetContactResponseOriginal>;
export type UpdateContactResponse = Rest<UpdateContactResponseOriginal>;
export type ListContactsResponse = Rest<ListContactsResponseOriginal>;
export type QueryContactsResponse = Rest<QueryContactsResponseOriginal>;
export type MergeContactsResponse = Rest<MergeContactsResponseOriginal>;
export type LabelContactResponse = Rest<LabelContactResponseOriginal>;
