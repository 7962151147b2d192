// Loyalty account events in the Wix Trigger: what changed the account an event shows (the points
// transaction behind its revision), whether that change was one of ours, and whether it took the
// balance across a threshold. Wix's account events carry the account after the change, with no
// previous balance (wix-api.md D.5); the transaction log has it (D.3). Nothing is kept between
// events but a short-lived cache of those reads: every event rebuilds what it needs from Wix.
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { TRANSACTIONS_PATH, type WixLoyaltyTransaction } from '../api/loyaltyTransactions';
import { LOYALTY_ACCOUNT } from '../shared/echo';
import { carriesPointsMark } from '../shared/loyaltyMark';
import { wixApiRequest, type WixRequest } from '../transport';

export { LOYALTY_ACCOUNT };

/** The account events that carry the account (its balance and revision). */
export const ACCOUNT_SLUGS = new Set(['created', 'updated', 'points_updated']);

/** The change behind an account as an event shows it. */
export interface PointsChange {
	/** The transaction that made it; absent for a creation or a change that moved no points. */
	transactionId?: string;
	/** The balance before it; `null` when the account did not exist before (a creation). */
	previousBalance: number | null;
	balance: number;
	/** Whether the transaction carries this package's mark (Adjust or Earn Points of the Wix Loyalty node). */
	ours: boolean;
}

interface Account {
	id?: unknown;
	revision?: unknown;
	updatedDate?: unknown;
	points?: { balance?: unknown };
}

/** How many of an account's latest transactions (up to the event's time) one read asks for. */
const CANDIDATES = 5;

/**
 * The points a transaction moved, signed. Adjustments carry their sign (and before/after);
 * earnings and refunds add, redemptions and expiries take, whatever sign Wix gives their amount.
 */
function deltaOf(t: WixLoyaltyTransaction): number {
	const amount = Number(t.amount ?? 0);
	switch (t.transactionType) {
		case 'EARN':
		case 'REFUND':
			return Math.abs(amount);
		case 'REDEEM':
		case 'EXPIRE':
			return -Math.abs(amount);
		default:
			return amount;
	}
}

/** The balance before and after a transaction, where Wix records them (adjustments, expiries). */
function recorded(t: WixLoyaltyTransaction): { before?: number; after?: number } {
	const info = (t.adjustInfo ?? t.expireInfo) as
		| { amountBefore?: unknown; amountAfter?: unknown }
		| undefined;
	const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
	return { before: num(info?.amountBefore), after: num(info?.amountAfter) };
}

/**
 * Of the account's latest transactions up to the time of the event's account (newest first), the
 * one that left it at this balance: the newest whose recorded "after" is the balance, or that has
 * none recorded (an earning). A change that moved no points (revision only) finds the transaction
 * before it, which left the same balance: the same crossing, told by the same transaction ID.
 */
export function changeFrom(
	account: Account,
	transactions: WixLoyaltyTransaction[],
): PointsChange | undefined {
	const balance = Number(account.points?.balance ?? 0);
	for (const t of transactions) {
		const { before, after } = recorded(t);
		if (after !== undefined && after !== balance) continue;
		return {
			transactionId: t.id ?? undefined,
			previousBalance: before ?? balance - deltaOf(t),
			balance,
			ours: carriesPointsMark(t.description),
		};
	}
	return undefined;
}

/** An account's newest transactions created at or before `time`, newest first. */
function transactionsUpTo(accountId: string, time: string | undefined, limit: number): WixRequest {
	const filter: IDataObject = { accountId: { $eq: accountId } };
	if (time) filter.createdDate = { $lte: time };
	return {
		method: 'POST',
		path: `${TRANSACTIONS_PATH}/query`,
		body: {
			query: {
				filter,
				sort: [{ fieldName: 'createdDate', order: 'DESC' }],
				cursorPaging: { limit },
			},
		},
		errors: {},
	};
}

/** Reads, per process and for two minutes, answered per account revision: updated and points_updated of one change cost one read. */
const CACHE_TTL_MS = 2 * 60 * 1000;
const CACHE_MAX = 2000;
const cache = new Map<string, { change: PointsChange; expires: number }>();

function cached(key: string): PointsChange | undefined {
	const hit = cache.get(key);
	if (!hit) return undefined;
	if (hit.expires < Date.now()) {
		cache.delete(key);
		return undefined;
	}
	return hit.change;
}

function keep(key: string, change: PointsChange) {
	cache.set(key, { change, expires: Date.now() + CACHE_TTL_MS });
	if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

/**
 * The change behind an account event: a creation has none before it; any other event reads the
 * account's latest transactions up to the account's `updatedDate` (one request, whatever order
 * the events arrive in). Throws when Wix cannot be read.
 */
export async function pointsChangeOf(
	ctx: IWebhookFunctions,
	slug: string,
	account: Account,
): Promise<PointsChange> {
	const balance = Number(account.points?.balance ?? 0);
	const revision = String(account.revision ?? '');
	if (slug === 'created' || revision === '1')
		return { previousBalance: null, balance, ours: false };
	const key = `${String(ctx.getWorkflow().id ?? '')}:${String(account.id)}:${revision}:${balance}`;
	const hit = cached(key);
	if (hit) return hit;
	const answer = await wixApiRequest<{ loyaltyTransactions?: WixLoyaltyTransaction[] }>(
		ctx,
		transactionsUpTo(
			String(account.id),
			typeof account.updatedDate === 'string' ? account.updatedDate : undefined,
			CANDIDATES,
		),
	);
	// No transaction left this balance: the revision moved without points moving.
	const change = changeFrom(account, answer.loyaltyTransactions ?? []) ?? {
		previousBalance: balance,
		balance,
		ours: false,
	};
	keep(key, change);
	return change;
}

/**
 * Whether a reward-availability event (`{ rewardAvailable, updateTrigger }`, no account) was caused
 * by our points write: it was, when a balance change flipped it and the account's newest
 * transaction at the event's time carries our mark (one request). Anything else is not ours.
 */
export async function rewardFlipIsOurs(
	ctx: IWebhookFunctions,
	accountId: string,
	body: Record<string, unknown> | null,
	eventTime: string | undefined,
): Promise<boolean> {
	if (body?.updateTrigger !== 'BALANCE_UPDATED' || !eventTime) return false;
	const answer = await wixApiRequest<{ loyaltyTransactions?: WixLoyaltyTransaction[] }>(
		ctx,
		transactionsUpTo(accountId, eventTime, 1),
	);
	return carriesPointsMark(answer.loyaltyTransactions?.[0]?.description);
}

/** Whether a change took the balance from below `threshold` to at or above it. */
export function crossedUpward(
	change: Pick<PointsChange, 'previousBalance' | 'balance'>,
	threshold: number,
) {
	return (
		change.balance >= threshold &&
		(change.previousBalance === null || change.previousBalance < threshold)
	);
}

/** The key one crossing is known by, whichever event (updated, points_updated, a copy) brings it. */
export function crossingKey(accountId: string, change: PointsChange, threshold: number): string {
	return `crossing:${threshold}:${accountId}:${change.transactionId ?? 'created'}`;
}
