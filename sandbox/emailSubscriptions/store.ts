// Email subscriptions by lower-cased email: contacts derive their subscription fields from these.
import type { EmailSubscription } from './types';

export interface EmailSubscriptionsState {
	subscriptions: Map<string, EmailSubscription>;
}

export function emailSubscriptionsState(): EmailSubscriptionsState {
	return { subscriptions: new Map() };
}
