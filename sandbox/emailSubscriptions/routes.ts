import { adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import {
	bulkUpsertSubscriptions,
	querySubscriptions,
	upsertSubscription,
	type SubscriptionsContext,
} from './emailSubscriptions';

const route = routesFor<SubscriptionsContext['site']>();

export const emailSubscriptionsRoutes = [
	route('POST', '/email-marketing/v1/email-subscriptions/query', READ, ({ ctx, body }) =>
		querySubscriptions(ctx, body),
	),
	route('POST', '/email-marketing/v1/email-subscriptions/bulk', MANAGE, ({ ctx, body }) =>
		bulkUpsertSubscriptions(ctx, body),
	),
	route('POST', '/email-marketing/v1/email-subscriptions', MANAGE, ({ ctx, body }) =>
		upsertSubscription(ctx, body),
	),
];

export const emailSubscriptionsAdmin = [
	adminRoutesFor<SubscriptionsContext['site']>()('GET', '/subscriptions', ({ ctx }) => ({
		subscriptions: [...ctx.site.subscriptions.values()],
	})),
];
