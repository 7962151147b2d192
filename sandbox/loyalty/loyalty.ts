// Loyalty program and accounts (wix-api.md D.1-D.3), for the loyalty events of the triggers:
// earning and adjusting points with idempotency keys and revisions, cursor paging, and the
// webhooks those changes send.
import type { ContactsState } from '../contacts/store';
import type { SiteContext } from '../core/context';
import { appError, notFound, validationError } from '../core/errors';
import {
	decodeCursor,
	encodeCursor,
	matches,
	normalizeSort,
	sortEntities,
	validateFilter,
	type FieldResolver,
	type FieldRule,
} from '../core/query';
import type { MembersState } from '../members/members';
import type {
	ActivateLoyaltyProgramResponse,
	AdjustPointsResponse,
	CreateAccountResponse,
	EarnPointsResponse,
	GetLoyaltyProgramResponse,
	LoyaltyAccount,
	LoyaltyProgram,
	QueryLoyaltyAccountsResponse,
} from './types';

export interface LoyaltyState {
	loyalty: LoyaltyStore;
}

/** An account belongs to a contact, and names its member when the contact has signed up. */
export type LoyaltyContext = SiteContext<LoyaltyState & ContactsState & MembersState>;

const ALL_OPS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'];
const num = (get: (a: LoyaltyAccount) => unknown): FieldRule => ({
	ops: ALL_OPS,
	type: 'number',
	sortable: true,
	get,
});
const date = (get: (a: LoyaltyAccount) => unknown): FieldRule => ({
	ops: ALL_OPS,
	type: 'date',
	sortable: true,
	get,
});
const id = (get: (a: LoyaltyAccount) => unknown): FieldRule => ({
	ops: ALL_OPS,
	type: 'id',
	sortable: true,
	get,
});
const ACCOUNT_FIELDS: Record<string, FieldRule> = {
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
	createdDate: date((a) => a.createdDate),
	updatedDate: date((a) => a.updatedDate),
	lastActivityDate: date((a) => a.lastActivityDate),
};
const resolveAccountField: FieldResolver = (name) => ACCOUNT_FIELDS[name];

export class LoyaltyStore {
	program: LoyaltyProgram = {
		name: 'Rewards',
		status: 'DRAFT',
		pointDefinition: { customName: 'Points' },
	};
	readonly accounts = new Map<string, LoyaltyAccount>();
	private readonly earned = new Map<string, EarnPointsResponse>();

	getProgram(): GetLoyaltyProgramResponse {
		return { loyaltyProgram: this.program };
	}

	activate(ctx: LoyaltyContext): ActivateLoyaltyProgramResponse {
		const now = ctx.site.now();
		this.program = {
			...this.program,
			status: 'ACTIVE',
			createdDate: this.program.createdDate ?? now,
			updatedDate: now,
		};
		return { loyaltyProgram: this.program };
	}

	private requireActive() {
		if (this.program.status !== 'ACTIVE')
			throw appError(
				428,
				'PROGRAM_NOT_ACTIVE',
				'The loyalty program is not active; activate it first',
			);
	}

	private account(accountId: string): LoyaltyAccount {
		const account = this.accounts.get(accountId);
		if (!account) throw notFound('ACCOUNT_NOT_FOUND', `Loyalty account ${accountId}`);
		return account;
	}

	private emit(
		ctx: LoyaltyContext,
		account: LoyaltyAccount,
		slug: 'created' | 'updated',
		pointsChanged: boolean,
	) {
		const entity = structuredClone(account);
		const body =
			slug === 'created'
				? { createdEvent: { entity } }
				: { updatedEvent: { currentEntity: entity } };
		ctx.emit({ entityFqdn: 'wix.loyalty.v1.account', slug, entityId: account.id!, body });
		if (pointsChanged)
			ctx.emit({
				entityFqdn: 'wix.loyalty.v1.account',
				slug: 'points_updated',
				entityId: account.id!,
				body: { actionEvent: { body: { account: entity } } },
			});
	}

	createAccount(ctx: LoyaltyContext, body: Record<string, any>): CreateAccountResponse {
		this.requireActive();
		const contact =
			typeof body.contactId === 'string' ? ctx.site.contacts.get(body.contactId) : undefined;
		if (!body.contactId)
			throw validationError([{ field: 'contactId', description: 'is required' }]);
		if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${body.contactId}`);
		if ([...this.accounts.values()].some((a) => a.contactId === contact.id)) {
			throw appError(409, 'ALREADY_EXISTS', `Contact ${contact.id} already has a loyalty account`);
		}
		const now = ctx.site.now();
		const member = ctx.site.members.recordOf(contact.id!);
		const name = [contact.info?.name?.first, contact.info?.name?.last].filter(Boolean).join(' ');
		const account: LoyaltyAccount = {
			id: ctx.site.newId(),
			contactId: contact.id,
			memberId: member?.id ?? null,
			points: { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 },
			rewardAvailable: false,
			createdDate: now,
			updatedDate: now,
			lastActivityDate: now,
			revision: '1',
			tier: { id: null, updatedDate: now, points: 0 },
			contact: { id: contact.id, name, email: contact.primaryInfo?.email ?? '', displayName: name },
		};
		this.accounts.set(account.id!, account);
		this.emit(ctx, account, 'created', false);
		return { account };
	}

	getAccount(accountId: string): { account: LoyaltyAccount } {
		return { account: this.account(accountId) };
	}

	private change(
		ctx: LoyaltyContext,
		account: LoyaltyAccount,
		delta: Partial<Record<'earned' | 'adjusted', number>>,
	): LoyaltyAccount {
		const points = { ...account.points! };
		points.earned = (points.earned ?? 0) + (delta.earned ?? 0);
		points.adjusted = (points.adjusted ?? 0) + (delta.adjusted ?? 0);
		points.balance =
			points.earned + points.adjusted - (points.redeemed ?? 0) - (points.expired ?? 0);
		if (points.balance < 0)
			throw appError(400, 'NEGATIVE_BALANCE', 'The balance cannot go below 0');
		const now = ctx.site.now();
		const next: LoyaltyAccount = {
			...account,
			points,
			revision: String(Number(account.revision) + 1),
			updatedDate: now,
			lastActivityDate: now,
			tier: { ...account.tier, points: (points.earned ?? 0) + (points.adjusted ?? 0) },
		};
		this.accounts.set(account.id!, next);
		this.emit(ctx, next, 'updated', true);
		return next;
	}

	earnPoints(
		ctx: LoyaltyContext,
		accountId: string,
		body: Record<string, any>,
	): EarnPointsResponse {
		this.requireActive();
		const account = this.account(accountId);
		const amount = body.amount;
		if (!Number.isInteger(amount) || amount < 1 || amount > 9_999_999)
			throw validationError([
				{ field: 'amount', description: 'must be a whole number from 1 to 9999999' },
			]);
		if (typeof body.appId !== 'string' || !body.appId)
			throw validationError([{ field: 'appId', description: 'is required' }]);
		if (
			typeof body.idempotencyKey !== 'string' ||
			!body.idempotencyKey ||
			body.idempotencyKey.length > 256
		) {
			throw validationError([
				{ field: 'idempotencyKey', description: 'is required (at most 256 characters)' },
			]);
		}
		const key = `${accountId}:${body.idempotencyKey}`;
		const previous = this.earned.get(key);
		if (previous) return { ...previous, account: this.account(accountId) };
		const result: EarnPointsResponse = {
			account: this.change(ctx, account, { earned: amount }),
			transactionId: ctx.site.newId(),
		};
		this.earned.set(key, result);
		return result;
	}

	adjustPoints(
		ctx: LoyaltyContext,
		accountId: string,
		body: Record<string, any>,
	): AdjustPointsResponse {
		this.requireActive();
		const account = this.account(accountId);
		if (body.revision !== undefined && String(body.revision) !== account.revision) {
			throw appError(
				409,
				'REVISION_MISMATCH',
				`The account changed since revision ${String(body.revision)} (now ${account.revision})`,
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
		return {
			account: this.change(ctx, account, { adjusted: delta }),
			transactionId: ctx.site.newId(),
		};
	}

	queryAccounts(body: Record<string, any>): QueryLoyaltyAccountsResponse {
		const given = body.query ?? {};
		// A cursor carries its own filter and sort; whatever else is sent with it is ignored [INFER].
		const fromCursor = given.cursorPaging?.cursor
			? decodeCursor(given.cursorPaging.cursor)
			: undefined;
		const query = fromCursor ? { filter: fromCursor.filter, sort: fromCursor.sort } : given;
		validateFilter(query.filter, resolveAccountField);
		const sort =
			query.sort === undefined || query.sort === null
				? [{ fieldName: 'createdDate', order: 'DESC' }]
				: normalizeSort(query.sort, resolveAccountField, 5);
		const list = sortEntities(
			[...this.accounts.values()].filter((a) => matches(a, query.filter, resolveAccountField)),
			sort,
			resolveAccountField,
		);
		return cursorPage(list, given.cursorPaging, fromCursor?.offset ?? 0, query, 'loyaltyAccounts');
	}
}

function cursorPage<T>(
	list: T[],
	paging: Record<string, any> | undefined,
	start: number,
	query: { filter?: unknown; sort?: unknown },
	key: 'loyaltyAccounts',
): QueryLoyaltyAccountsResponse {
	const limit = paging?.limit === undefined ? 50 : Number(paging.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100)
		throw appError(400, 'ILLEGAL_LIMIT', 'cursorPaging.limit must be 1 to 100');
	const slice = list.slice(start, start + limit);
	const hasNext = start + limit < list.length;
	return {
		[key]: slice as unknown as LoyaltyAccount[],
		pagingMetadata: {
			count: slice.length,
			hasNext,
			cursors: { next: hasNext ? encodeCursor(start + limit, query) : null, prev: null },
		},
	};
}

export function loyaltyState(): LoyaltyState {
	return { loyalty: new LoyaltyStore() };
}
