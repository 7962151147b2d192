/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Email Subscriptions (wix-api.md E.3), coupled to the contacts whose primary email they describe.
import { refreshContactsForEmail } from '../contacts/contacts';
import type { ContactsContext } from '../contacts/context';
import type { SiteContext } from '../core/context';
import { appError, validationError } from '../core/errors';
import { readPaging } from '../core/query';
import type { EmailSubscriptionsState } from './store';
import type {
	BulkUpsertEmailSubscriptionResponse,
	EmailSubscription,
	QueryEmailSubscriptionsResponse,
	UpsertEmailSubscriptionResponse,
} from './types';

/** Saving a subscription updates the contacts whose primary email it is. */
export type SubscriptionsContext = SiteContext<
	Omit<ContactsContext['site'], 'subscriptions'> & EmailSubscriptionsState
>;

const STATUSES = ['NOT_SET', 'PENDING', 'SUBSCRIBED', 'UNSUBSCRIBED'];
const DELIVERABILITY = ['NOT_SET', 'VALID', 'BOUNCED', 'SPAM_COMPLAINT', 'INACTIVE'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns a problem sentence, or undefined when the subscription is acceptable. */
function problemOf(input: any): { field: string; description: string } | undefined {
	if (typeof input !== 'object' || input === null)
		return { field: 'subscription', description: 'must be an object' };
	if (typeof input.email !== 'string' || !EMAIL_RE.test(input.email.trim()))
		return { field: 'subscription.email', description: 'must be a valid email' };
	if (input.subscriptionStatus !== undefined && !STATUSES.includes(input.subscriptionStatus)) {
		return {
			field: 'subscription.subscriptionStatus',
			description: `must be one of ${STATUSES.join(', ')}`,
		};
	}
	if (
		input.deliverabilityStatus !== undefined &&
		!DELIVERABILITY.includes(input.deliverabilityStatus)
	) {
		return {
			field: 'subscription.deliverabilityStatus',
			description: `must be one of ${DELIVERABILITY.join(', ')}`,
		};
	}
	return undefined;
}

function save(ctx: SubscriptionsContext, input: any): EmailSubscription {
	const email = String(input.email).trim().toLowerCase();
	const now = ctx.site.now();
	const existing = ctx.site.subscriptions.get(email);
	const subscription: EmailSubscription = {
		id: existing?.id ?? ctx.site.newId(),
		email,
		subscriptionStatus: input.subscriptionStatus ?? existing?.subscriptionStatus ?? 'NOT_SET',
		deliverabilityStatus: input.deliverabilityStatus ?? existing?.deliverabilityStatus ?? 'NOT_SET',
		createdDate: existing?.createdDate ?? now,
		updatedDate: now,
	};
	ctx.site.subscriptions.set(email, subscription);
	refreshContactsForEmail(ctx, email);
	return subscription;
}

export function upsertSubscription(
	ctx: SubscriptionsContext,
	body: Record<string, any>,
): UpsertEmailSubscriptionResponse {
	const problem = problemOf(body.subscription);
	if (problem) throw validationError([problem]);
	return { subscription: save(ctx, body.subscription) };
}

export function bulkUpsertSubscriptions(
	ctx: SubscriptionsContext,
	body: Record<string, any>,
): BulkUpsertEmailSubscriptionResponse {
	const list = body.subscriptions;
	if (!Array.isArray(list) || list.length < 1 || list.length > 100) {
		throw validationError([
			{ field: 'subscriptions', description: 'must list 1 to 100 subscriptions' },
		]);
	}
	const results = list.map((input, originalIndex) => {
		const problem = problemOf(input);
		if (problem)
			return {
				originalIndex,
				error: {
					errorCode: 'INVALID_ARGUMENT',
					message: `${problem.field.replace('subscription.', '')} ${problem.description}`,
				},
			};
		return { originalIndex, emailSubscription: save(ctx, input) };
	});
	const totalFailure = results.filter((r) => 'error' in r).length;
	return { results, metadata: { totalSuccess: results.length - totalFailure, totalFailure } };
}

export function querySubscriptions(
	ctx: SubscriptionsContext,
	body: Record<string, any>,
): QueryEmailSubscriptionsResponse {
	const filter = body.filter ?? {};
	const keys = Object.keys(filter);
	if (keys.some((k) => k !== 'email') || (keys.length && !Array.isArray(filter.email?.$in))) {
		throw appError(400, 'UNSUPPORTED_FILTER', 'Only {"email": {"$in": [...]}} is supported');
	}
	const wanted: string[] = (filter.email?.$in ?? []).map((e: unknown) =>
		String(e).trim().toLowerCase(),
	);
	if (wanted.length > 100)
		throw validationError([{ field: 'filter.email.$in', description: 'takes at most 100 emails' }]);
	const paging = readPaging(body.paging, { limit: 100, max: 1000 });
	const all = keys.length
		? wanted.flatMap((e) => (ctx.site.subscriptions.has(e) ? [ctx.site.subscriptions.get(e)!] : []))
		: [...ctx.site.subscriptions.values()];
	const slice = all.slice(paging.offset, paging.offset + paging.limit);
	return {
		subscriptions: slice,
		metadata: {
			count: slice.length,
			offset: paging.offset,
			total: all.length,
			tooManyToCount: false,
		},
	};
}
