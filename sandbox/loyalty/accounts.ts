/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty accounts (wix-api.md D.2–D.3, SDK `_loyalty_accounts`): one per contact, created only
// while the program is ACTIVE; string revisions; balance = earned + adjusted − redeemed − expired,
// never below 0; Earn Points idempotent per key; Adjust Points sets or changes the balance against
// the account's revision; get by ID, contact or member; list, query, search and count by cursor.
import { appError, notFound, validationError } from '../core/errors';
import { asArray } from '../core/http';
import { matches, validateFilter } from '../core/query';
import { ID_OPS, cursorQuery, field, type QueryField } from '../core/cursorQuery';
import { accountCreated, pointsChanged } from './events';
import { requireActive } from './program';
import {
	LOYALTY_APP_ID,
	SAMPLE_REWARD_POINTS,
	type LoyaltyContext,
	type StoredAccount,
} from './store';
import { tierIdFor } from './tiers';
import { recordTransaction } from './transactions';
import type {
	AdjustPointsResponse,
	CountAccountsResponse,
	CreateAccountResponse,
	EarnPointsResponse,
	GetProgramTotalsResponse,
	ListAccountsResponse,
	LoyaltyAccount,
	QueryLoyaltyAccountsResponse,
	SearchAccountsResponse,
} from './types';

type A = LoyaltyAccount;
const ALL = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'];
const TEXT = [...ALL, '$startsWith'];
const BOTH: Array<'ASC' | 'DESC'> = ['ASC', 'DESC'];
const id = (get: (a: A) => unknown) => field<A>('id', [...ID_OPS, '$exists'], get, BOTH);
const num = (get: (a: A) => unknown) => field<A>('number', ALL, get, BOTH);
const date = (get: (a: A) => unknown) => field<A>('date', ALL, get, BOTH);

/**
 * Query Loyalty Accounts: the SDK's LoyaltyAccountQuerySpec (every operator, sortable both ways),
 * plus `contact.id` from wix-api.md D.2.
 */
const QUERY_FIELDS: Record<string, QueryField> = {
	id: id((a) => a.id),
	contactId: id((a) => a.contactId),
	memberId: id((a) => a.memberId),
	'contact.id': id((a) => a.contact?.id),
	'tier.id': id((a) => a.tier?.id),
	'points.balance': num((a) => a.points?.balance),
	'points.earned': num((a) => a.points?.earned),
	'points.adjusted': num((a) => a.points?.adjusted),
	'points.redeemed': num((a) => a.points?.redeemed),
	'points.expired': num((a) => a.points?.expired),
	'pointsExpiration.expirationDate': date((a) => a.pointsExpiration?.expirationDate),
	'pointsExpiration.expiringPointsAmount': num((a) => a.pointsExpiration?.expiringPointsAmount),
	createdDate: date((a) => a.createdDate),
	lastActivityDate: date((a) => a.lastActivityDate),
};

/** Search Accounts and Count: the SDK's LoyaltyAccountSearchSpec. */
const SEARCH_FIELDS: Record<string, QueryField> = {
	updatedDate: date((a) => a.updatedDate),
	'contact.id': id((a) => a.contact?.id),
	'contact.displayName': field<A>('text', TEXT, (a) => a.contact?.displayName, BOTH),
	'contact.email': field<A>('text', TEXT, (a) => a.contact?.email, BOTH),
	'contact.name': field<A>('text', TEXT, (a) => a.contact?.name, BOTH),
	lastActivityDate: date((a) => a.lastActivityDate),
	'points.balance': num((a) => a.points?.balance),
	'points.redeemed': num((a) => a.points?.redeemed),
	'pointsExpiration.expirationDate': date((a) => a.pointsExpiration?.expirationDate),
};
const SEARCHABLE: Record<string, (a: A) => unknown> = {
	'contact.email': (a) => a.contact?.email,
	'contact.name': (a) => a.contact?.name,
};
const NEWEST_FIRST = [{ fieldName: 'createdDate', order: 'DESC' }];

/** An account as the API shows it: its member (if the contact signed up), contact and tier now. */
export function viewAccount(ctx: LoyaltyContext, stored: StoredAccount): A {
	const account = structuredClone(stored);
	account.memberId = ctx.site.members.memberIdOf(stored.contactId!) ?? null;
	const contact = ctx.site.contacts.get(stored.contactId!);
	if (contact) {
		const name = [contact.info?.name?.first, contact.info?.name?.last].filter(Boolean).join(' ');
		const email = contact.primaryInfo?.email ?? '';
		account.contact = { id: contact.id, name, email, displayName: name || email };
	}
	account.tier = { ...account.tier, id: tierIdFor(ctx.site.loyalty, account.tier?.points ?? 0) };
	return account;
}

function stored(ctx: LoyaltyContext, accountId: string): StoredAccount {
	const account = ctx.site.loyalty.accounts.get(accountId);
	if (!account) throw notFound('ACCOUNT_NOT_FOUND', `Loyalty account ${accountId}`);
	return account;
}

function allViewed(ctx: LoyaltyContext): A[] {
	return [...ctx.site.loyalty.accounts.values()].map((a) => viewAccount(ctx, a));
}

/** `POST /loyalty-accounts/v1/accounts {contactId}`: contact ID only (a member's is `member.contactId`). */
export function createAccount(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): CreateAccountResponse {
	if (body.memberId !== undefined && body.contactId === undefined)
		throw validationError([
			{
				field: 'contactId',
				description:
					'is required (Create Account takes a contact ID only; for a member, send its member.contactId)',
			},
		]);
	if (typeof body.contactId !== 'string' || !body.contactId)
		throw validationError([{ field: 'contactId', description: 'is required' }]);
	requireActive(ctx, 'create loyalty accounts');
	const contact = ctx.site.contacts.get(body.contactId);
	if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${body.contactId}`);
	const store = ctx.site.loyalty;
	const existing = store.byContact.get(contact.id!);
	if (existing)
		throw appError(
			409,
			'ALREADY_EXISTS',
			`Contact ${contact.id} already has a loyalty account (${existing})`,
			{ accountId: existing },
		);
	const now = ctx.site.now();
	const account: StoredAccount = {
		id: ctx.site.newId(),
		contactId: contact.id,
		memberId: null,
		points: { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 },
		rewardAvailable: false,
		createdDate: now,
		updatedDate: now,
		lastActivityDate: now,
		revision: '1',
		tier: { id: null, updatedDate: now, points: 0 },
		contact: { id: contact.id },
	};
	store.accounts.set(account.id!, account);
	store.byContact.set(contact.id!, account.id!);
	const view = viewAccount(ctx, account);
	account.contact = view.contact;
	accountCreated(ctx, view);
	return { account: view };
}

export function getAccount(ctx: LoyaltyContext, accountId: string): { account: A } {
	return { account: viewAccount(ctx, stored(ctx, accountId)) };
}

/** `GET /loyalty-accounts/v1/accounts/fetch-by?contactId=…` or `?memberId=…`. */
export function getAccountBySecondaryId(
	ctx: LoyaltyContext,
	qs: Record<string, any>,
): { account: A } {
	const { contactId, memberId } = qs;
	if (!contactId && !memberId)
		throw validationError([{ field: 'contactId', description: 'or memberId is required' }]);
	const owner = contactId ? String(contactId) : ctx.site.members.byId(String(memberId))?.contactId;
	const accountId = owner ? ctx.site.loyalty.byContact.get(owner) : undefined;
	if (!accountId)
		throw notFound(
			'ACCOUNT_NOT_FOUND',
			contactId
				? `Loyalty account of contact ${String(contactId)}`
				: `Loyalty account of member ${String(memberId)}`,
		);
	return getAccount(ctx, accountId);
}

/** `GET /loyalty-accounts/v1/accounts`: `contactIds` (≤50), cursor paging; newest first [INFER]. */
export function listAccounts(ctx: LoyaltyContext, qs: Record<string, any>): ListAccountsResponse {
	const contactIds = asArray(qs.contactIds);
	if (contactIds.length > 50)
		throw validationError([{ field: 'contactIds', description: 'takes at most 50 IDs' }]);
	const wanted = new Set(contactIds);
	const paging = qs.cursorPaging ?? {};
	const { items, pagingMetadata } = cursorQuery(
		allViewed(ctx),
		{
			...(contactIds.length ? { filter: { contactId: { $in: [...wanted] } } } : {}),
			cursorPaging: {
				limit: paging.limit === undefined ? undefined : Number(paging.limit),
				cursor: paging.cursor,
			},
		},
		QUERY_FIELDS,
		{ maxSort: 5, defaultSort: NEWEST_FIRST },
	);
	const { hasNext: _hasNext, ...rest } = pagingMetadata;
	void _hasNext;
	return { accounts: items, pagingMetadata: rest };
}

export function queryAccounts(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): QueryLoyaltyAccountsResponse {
	const { items, pagingMetadata } = cursorQuery(allViewed(ctx), body.query, QUERY_FIELDS, {
		maxSort: 5,
		defaultSort: NEWEST_FIRST,
	});
	return { loyaltyAccounts: items, pagingMetadata };
}

/** A free-text search over `contact.email` and `contact.name` (substring, case-insensitive). */
function readSearch(
	search: unknown,
): { expression: string; fields: string[]; mode: string } | undefined {
	if (typeof search !== 'object' || search === null) return undefined;
	const { expression, fields, mode } = search as Record<string, unknown>;
	if (expression === undefined || expression === null || expression === '') return undefined;
	if (typeof expression !== 'string' || expression.length > 100)
		throw validationError([
			{ field: 'search.search.expression', description: 'must be at most 100 characters' },
		]);
	const names = asArray(fields);
	for (const name of names)
		if (!SEARCHABLE[name])
			throw validationError([
				{
					field: 'search.search.fields',
					description: `${name} is not searchable (contact.email, contact.name)`,
				},
			]);
	return {
		expression: expression.toLowerCase(),
		fields: names.length ? names : Object.keys(SEARCHABLE),
		mode: mode === 'AND' ? 'AND' : 'OR',
	};
}

function matchSearch(account: A, search: unknown): boolean {
	const { expression, fields, mode } = search as {
		expression: string;
		fields: string[];
		mode: string;
	};
	const terms = expression.split(/\s+/).filter(Boolean);
	const hit = (term: string) =>
		fields.some((f) =>
			String(SEARCHABLE[f](account) ?? '')
				.toLowerCase()
				.includes(term),
		);
	return mode === 'AND' ? terms.every(hit) : terms.some(hit);
}

/** `POST /loyalty-accounts/v1/accounts/search {search}`: answers under `accounts`. */
export function searchAccounts(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): SearchAccountsResponse {
	const input = body.search ?? {};
	if (input.aggregations !== undefined && (input.aggregations as unknown[]).length)
		throw appError(400, 'UNSUPPORTED_AGGREGATION', 'The sandbox does not compute aggregations');
	const { items, pagingMetadata } = cursorQuery(allViewed(ctx), input, SEARCH_FIELDS, {
		maxSort: 10,
		// The search spec has no createdDate: most recently active first [INFER].
		defaultSort: [{ fieldName: 'lastActivityDate', order: 'DESC' }],
		search: readSearch(input.search),
		matchSearch,
	});
	return { accounts: items, pagingMetadata };
}

export function countAccounts(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): CountAccountsResponse {
	const resolve = (name: string) => SEARCH_FIELDS[name];
	validateFilter(body.filter, resolve);
	const search = readSearch(body.search);
	const count = allViewed(ctx).filter(
		(a) => matches(a, body.filter, resolve) && (!search || matchSearch(a, search)),
	).length;
	return { count };
}

export function programTotals(ctx: LoyaltyContext): GetProgramTotalsResponse {
	const points = { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 };
	const tiers = new Map<string | null, number>();
	for (const account of allViewed(ctx)) {
		for (const key of Object.keys(points) as Array<keyof typeof points>)
			points[key] += account.points?.[key] ?? 0;
		const tierId = account.tier?.id ?? null;
		tiers.set(tierId, (tiers.get(tierId) ?? 0) + 1);
	}
	return {
		points,
		tierTotals: [...tiers].map(([tierId, numberOfAccounts]) => ({ id: tierId, numberOfAccounts })),
	};
}

/** Applies a points change; returns the account before and after, as the API shows them. */
function change(
	ctx: LoyaltyContext,
	account: StoredAccount,
	delta: { earned?: number; adjusted?: number },
): { before: A; after: A } {
	const before = viewAccount(ctx, account);
	const points = { ...account.points! };
	points.earned = (points.earned ?? 0) + (delta.earned ?? 0);
	points.adjusted = (points.adjusted ?? 0) + (delta.adjusted ?? 0);
	points.balance = points.earned + points.adjusted - (points.redeemed ?? 0) - (points.expired ?? 0);
	if (points.balance < 0)
		throw appError(
			400,
			'NEGATIVE_BALANCE',
			`Loyalty account ${account.id} would have a balance of ${points.balance}: the balance cannot go below 0`,
			{ balance: account.points?.balance ?? 0, resultingBalance: points.balance },
		);
	const now = ctx.site.now();
	const tierPoints = points.earned + points.adjusted;
	const tierChanged =
		tierIdFor(ctx.site.loyalty, tierPoints) !==
		tierIdFor(ctx.site.loyalty, account.tier?.points ?? 0);
	const next: StoredAccount = {
		...account,
		points,
		rewardAvailable: points.balance >= SAMPLE_REWARD_POINTS,
		revision: String(Number(account.revision) + 1),
		updatedDate: now,
		lastActivityDate: now,
		tier: {
			...account.tier,
			points: tierPoints,
			updatedDate: tierChanged ? now : account.tier?.updatedDate,
		},
	};
	ctx.site.loyalty.accounts.set(account.id!, next);
	const after = viewAccount(ctx, next);
	next.contact = after.contact;
	return { before, after };
}

function checkText(value: unknown, field: string, max: number, required: boolean) {
	if (value === undefined || value === null) {
		if (required) throw validationError([{ field, description: 'is required' }]);
		return;
	}
	if (typeof value !== 'string' || (required && !value) || value.length > max)
		throw validationError([
			{ field, description: `must be ${required ? '1 to ' : 'at most '}${max} characters` },
		]);
}

/** `POST …/accounts/{accountId}/earn-points`: the same `idempotencyKey` again gets the first answer. */
export function earnPoints(
	ctx: LoyaltyContext,
	accountId: string,
	body: Record<string, any>,
): EarnPointsResponse {
	const account = stored(ctx, accountId);
	const amount = body.amount;
	if (!Number.isInteger(amount) || amount < 1 || amount > 9_999_999)
		throw validationError([
			{ field: 'amount', description: 'must be a whole number from 1 to 9999999' },
		]);
	checkText(body.appId, 'appId', 100, true);
	checkText(body.idempotencyKey, 'idempotencyKey', 256, true);
	checkText(body.description, 'description', 100, false);
	requireActive(ctx, 'earn points');
	const store = ctx.site.loyalty;
	const key = `${accountId}:${body.idempotencyKey}`;
	const previous = store.earned.get(key);
	if (previous) return structuredClone(previous);
	const { before, after } = change(ctx, account, { earned: amount });
	const transactionId = ctx.site.newId();
	recordTransaction(ctx, {
		id: transactionId,
		accountId,
		createdDate: after.updatedDate,
		amount,
		transactionType: 'EARN',
		description: body.description ?? '',
		idempotencyKey: body.idempotencyKey,
		earnInfo: {
			appId: body.appId,
			activityType: typeof body.activityType === 'string' ? body.activityType : '',
			...(body.orderId !== undefined ? { orderId: String(body.orderId) } : {}),
			...(body.followedSocialMedia ? { followedSocialMedia: body.followedSocialMedia } : {}),
		},
	});
	const result: EarnPointsResponse = { account: after, transactionId };
	store.earned.set(key, structuredClone(result));
	pointsChanged(ctx, before, after, {
		kind: 'earn',
		amount,
		transactionId,
		description: body.description,
	});
	return result;
}

/**
 * `POST …/accounts/{accountId}/adjust-points`: `balance` (sets it; wins over `amount`) or `amount`
 * (adds or takes), at the top level of the body as the SDK sends them; `revision`, when sent, must
 * be the account's. Setting the balance it already has changes nothing [INFER]: no transaction, no
 * new revision, no events.
 */
export function adjustPoints(
	ctx: LoyaltyContext,
	accountId: string,
	body: Record<string, any>,
): AdjustPointsResponse {
	const account = stored(ctx, accountId);
	if (body.type !== undefined && body.balance === undefined && body.amount === undefined)
		throw validationError([
			{
				field: 'type',
				description:
					'is not a field: the one-of `type` is flattened on the wire, so send `balance` or `amount` at the top level of the body',
			},
		]);
	checkText(body.description, 'description', 100, false);
	if (body.revision !== undefined && body.revision !== null) {
		const revision = String(body.revision);
		if (!/^[1-9]\d*$/.test(revision))
			throw validationError([{ field: 'revision', description: 'must be a whole number from 1' }]);
		if (revision !== account.revision)
			throw appError(
				409,
				'REVISION_MISMATCH',
				`Loyalty account ${accountId} changed since revision ${revision} (now ${account.revision}): get it again and retry`,
				{ currentRevision: account.revision },
			);
	}
	let delta: number;
	if (body.balance !== undefined) {
		if (!Number.isInteger(body.balance) || body.balance < 0 || body.balance > 999_999_999)
			throw validationError([
				{ field: 'balance', description: 'must be a whole number from 0 to 999999999' },
			]);
		delta = body.balance - (account.points?.balance ?? 0);
	} else if (body.amount !== undefined) {
		if (!Number.isInteger(body.amount) || body.amount === 0 || Math.abs(body.amount) > 9_999_999)
			throw validationError([
				{
					field: 'amount',
					description: 'must be a non-zero whole number from -9999999 to 9999999',
				},
			]);
		delta = body.amount;
	} else throw validationError([{ field: 'balance', description: 'or amount is required' }]);
	requireActive(ctx, 'adjust points');
	if (delta === 0) return { account: viewAccount(ctx, account) };
	const { before, after } = change(ctx, account, { adjusted: delta });
	const transactionId = ctx.site.newId();
	recordTransaction(ctx, {
		id: transactionId,
		accountId,
		createdDate: after.updatedDate,
		amount: delta,
		transactionType: 'ADJUST',
		description: body.description ?? '',
		idempotencyKey: transactionId,
		adjustInfo: {
			appId: ctx.caller.kind === 'app' ? ctx.caller.appId : LOYALTY_APP_ID,
			amountBefore: before.points?.balance ?? 0,
			amountAfter: after.points?.balance ?? 0,
		},
	});
	pointsChanged(ctx, before, after, {
		kind: 'adjust',
		amount: delta,
		transactionId,
		description: body.description,
	});
	return { account: after, transactionId };
}
