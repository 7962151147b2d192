// REST shapes of Email Subscriptions, from Wix's own SDK types.
import type {
	EmailSubscriptionOriginal,
	QueryEmailSubscriptionsResponseOriginal,
	UpsertEmailSubscriptionResponseOriginal,
	BulkUpsertEmailSubscriptionResponseOriginal,
} from '@wix/auto_sdk_email-subscriptions_email-subscriptions/meta';
import type { Rest } from '../core/types';

export type EmailSubscription = Rest<EmailSubscriptionOriginal>;
export type QueryEmailSubscriptionsResponse = Rest<QueryEmailSubscriptionsResponseOriginal>;
export type UpsertEmailSubscriptionResponse = Rest<UpsertEmailSubscriptionResponseOriginal>;
export type BulkUpsertEmailSubscriptionResponse = Rest<BulkUpsertEmailSubscriptionResponseOriginal>;
