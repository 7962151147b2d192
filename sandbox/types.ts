// REST shapes the sandbox stores and sends, taken from Wix's own SDK types.
import type {
	ContactOriginal,
	ContactInfoOriginal,
	CreateContactRequestOriginal,
	CreateContactResponseOriginal,
	GetContactResponseOriginal,
	UpdateContactRequestOriginal,
	UpdateContactResponseOriginal,
	ListContactsResponseOriginal,
	QueryContactsRequestOriginal,
	QueryContactsResponseOriginal,
	MergeContactsRequestOriginal,
	MergeContactsResponseOriginal,
	LabelContactRequestOriginal,
	LabelContactResponseOriginal,
	DomainEventOriginal,
} from '@wix/auto_sdk_crm_contacts/meta';
import type {
	ContactLabelOriginal,
	FindOrCreateLabelResponseOriginal,
	ListLabelsResponseOriginal,
	QueryLabelsResponseOriginal,
} from '@wix/auto_sdk_crm_labels/meta';
import type {
	ExtendedFieldOriginal,
	FindOrCreateExtendedFieldResponseOriginal,
	ListExtendedFieldsResponseOriginal,
	QueryExtendedFieldsResponseOriginal,
} from '@wix/auto_sdk_crm_extended-fields/meta';
import type { GetAppInstanceResponseOriginal } from '@wix/auto_sdk_app-management_app-instances/meta';

/** The JSON the API really sends and receives: the SDK types with every Date as an ISO string. */
export type Rest<T> = T extends Date ? string : T extends Array<infer U> ? Array<Rest<U>> : T extends object ? { [K in keyof T]: Rest<T[K]> } : T;
export type Contact = Rest<ContactOriginal>;
export type ContactInfo = Rest<ContactInfoOriginal>;
export type CreateContactRequest = Rest<CreateContactRequestOriginal>;
export type CreateContactResponse = Rest<CreateContactResponseOriginal>;
export type GetContactResponse = Rest<GetContactResponseOriginal>;
export type UpdateContactRequest = Rest<UpdateContactRequestOriginal>;
export type UpdateContactResponse = Rest<UpdateContactResponseOriginal>;
export type ListContactsResponse = Rest<ListContactsResponseOriginal>;
export type QueryContactsRequest = Rest<QueryContactsRequestOriginal>;
export type QueryContactsResponse = Rest<QueryContactsResponseOriginal>;
export type MergeContactsRequest = Rest<MergeContactsRequestOriginal>;
export type MergeContactsResponse = Rest<MergeContactsResponseOriginal>;
export type LabelContactRequest = Rest<LabelContactRequestOriginal>;
export type LabelContactResponse = Rest<LabelContactResponseOriginal>;
export type DomainEvent = Rest<DomainEventOriginal>;
export type Label = Rest<ContactLabelOriginal>;
export type FindOrCreateLabelResponse = Rest<FindOrCreateLabelResponseOriginal>;
export type ListLabelsResponse = Rest<ListLabelsResponseOriginal>;
export type QueryLabelsResponse = Rest<QueryLabelsResponseOriginal>;
export type ExtendedField = Rest<ExtendedFieldOriginal>;
export type FindOrCreateExtendedFieldResponse = Rest<FindOrCreateExtendedFieldResponseOriginal>;
export type ListExtendedFieldsResponse = Rest<ListExtendedFieldsResponseOriginal>;
export type QueryExtendedFieldsResponse = Rest<QueryExtendedFieldsResponseOriginal>;
export type GetAppInstanceResponse = Rest<GetAppInstanceResponseOriginal>;

import type {
	EmailSubscriptionOriginal,
	QueryEmailSubscriptionsResponseOriginal,
	UpsertEmailSubscriptionResponseOriginal,
	BulkUpsertEmailSubscriptionResponseOriginal,
} from '@wix/auto_sdk_email-subscriptions_email-subscriptions/meta';

export type EmailSubscription = Rest<EmailSubscriptionOriginal>;
export type QueryEmailSubscriptionsResponse = Rest<QueryEmailSubscriptionsResponseOriginal>;
export type UpsertEmailSubscriptionResponse = Rest<UpsertEmailSubscriptionResponseOriginal>;
export type BulkUpsertEmailSubscriptionResponse = Rest<BulkUpsertEmailSubscriptionResponseOriginal>;

import type {
	Automation as AutomationRest,
	CreateAutomationResponse as CreateAutomationResponseRest,
	QueryAutomationsResponse as QueryAutomationsResponseRest,
} from '@wix/auto_sdk_automations_automations-service-v-2/build/cjs/src/automations-v2-automation-automations-service-v-2.types';

export type Automation = Rest<AutomationRest>;
export type CreateAutomationResponse = Rest<CreateAutomationResponseRest>;
export type QueryAutomationsResponse = Rest<QueryAutomationsResponseRest>;

import type {
	LoyaltyAccountOriginal,
	QueryLoyaltyAccountsResponseOriginal,
	CreateAccountResponseOriginal,
	EarnPointsResponseOriginal,
	AdjustPointsResponseOriginal,
} from '@wix/auto_sdk_loyalty_accounts/meta';
import type { LoyaltyProgramOriginal, GetLoyaltyProgramResponseOriginal, ActivateLoyaltyProgramResponseOriginal } from '@wix/auto_sdk_loyalty_programs/meta';
import type { MemberOriginal, QueryMembersResponseOriginal } from '@wix/auto_sdk_members_members/meta';

export type LoyaltyAccount = Rest<LoyaltyAccountOriginal>;
export type QueryLoyaltyAccountsResponse = Rest<QueryLoyaltyAccountsResponseOriginal>;
export type CreateAccountResponse = Rest<CreateAccountResponseOriginal>;
export type EarnPointsResponse = Rest<EarnPointsResponseOriginal>;
export type AdjustPointsResponse = Rest<AdjustPointsResponseOriginal>;
export type LoyaltyProgram = Rest<LoyaltyProgramOriginal>;
export type GetLoyaltyProgramResponse = Rest<GetLoyaltyProgramResponseOriginal>;
export type ActivateLoyaltyProgramResponse = Rest<ActivateLoyaltyProgramResponseOriginal>;
export type Member = Rest<MemberOriginal>;
export type QueryMembersResponse = Rest<QueryMembersResponseOriginal>;
