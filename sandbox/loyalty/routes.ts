import { AdminError, adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import {
	adjustPoints,
	countAccounts,
	createAccount,
	earnPoints,
	getAccount,
	getAccountBySecondaryId,
	listAccounts,
	programTotals,
	queryAccounts,
	searchAccounts,
	viewAccount,
} from './accounts';
import { pointsAboutToExpire, socialChannelFollowed } from './events';
import { activateProgram, getProgram, pauseProgram, updateProgram } from './program';
import type { LoyaltyContext } from './store';
import {
	createTier,
	deleteTier,
	getTier,
	getTiersProgram,
	listTiers,
	tiersSettings,
	updateTier,
} from './tiers';
import { getTransaction, queryTransactions } from './transactions';

const route = routesFor<LoyaltyContext['site']>();
const ACCOUNTS = '/loyalty-accounts/v1/accounts';
const TIERS = '/loyalty-tiers/v1/tiers';

/** Literal paths before `{id}` paths of the same method. */
export const loyaltyRoutes = [
	route('GET', '/loyalty-programs/v1/program', READ, ({ ctx }) => getProgram(ctx)),
	route('PATCH', '/loyalty-programs/v1/program', MANAGE, ({ ctx, body }) =>
		updateProgram(ctx, body),
	),
	route('POST', '/loyalty-programs/v1/program/activate', MANAGE, ({ ctx }) => activateProgram(ctx)),
	route('POST', '/loyalty-programs/v1/program/pause', MANAGE, ({ ctx }) => pauseProgram(ctx)),

	route('POST', `${ACCOUNTS}/query`, READ, ({ ctx, body }) => queryAccounts(ctx, body)),
	route('POST', `${ACCOUNTS}/search`, READ, ({ ctx, body }) => searchAccounts(ctx, body)),
	route('POST', `${ACCOUNTS}/count`, READ, ({ ctx, body }) => countAccounts(ctx, body)),
	route('POST', ACCOUNTS, MANAGE, ({ ctx, body }) => createAccount(ctx, body)),
	route('GET', ACCOUNTS, READ, ({ ctx, qs }) => listAccounts(ctx, qs)),
	route('GET', `${ACCOUNTS}/fetch-by`, READ, ({ ctx, qs }) => getAccountBySecondaryId(ctx, qs)),
	route('GET', `${ACCOUNTS}/program-totals`, READ, ({ ctx }) => programTotals(ctx)),
	route('GET', `${ACCOUNTS}/{id}`, READ, ({ ctx, params: [id] }) => getAccount(ctx, id)),
	route('POST', `${ACCOUNTS}/{accountId}/earn-points`, MANAGE, ({ ctx, params: [id], body }) =>
		earnPoints(ctx, id, body),
	),
	route('POST', `${ACCOUNTS}/{accountId}/adjust-points`, MANAGE, ({ ctx, params: [id], body }) =>
		adjustPoints(ctx, id, body),
	),

	route('POST', '/loyalty-transactions/v1/loyalty-transactions/query', READ, ({ ctx, body }) =>
		queryTransactions(ctx, body),
	),
	route(
		'GET',
		'/loyalty-transactions/v1/loyalty-transactions/{loyaltyTransactionId}',
		READ,
		({ ctx, params: [id] }) => getTransaction(ctx, id),
	),

	route('GET', TIERS, READ, ({ ctx }) => listTiers(ctx)),
	route('GET', `${TIERS}/program`, READ, ({ ctx }) => getTiersProgram(ctx)),
	route('GET', `${TIERS}/program-settings`, READ, ({ ctx }) => ({
		programSettings: tiersSettings(ctx),
	})),
	route('POST', TIERS, MANAGE, ({ ctx, body }) => createTier(ctx, body)),
	route('GET', `${TIERS}/{tierId}`, READ, ({ ctx, params: [id] }) => getTier(ctx, id)),
	route('PATCH', `${TIERS}/{tierId}`, MANAGE, ({ ctx, params: [id], body }) =>
		updateTier(ctx, id, body),
	),
	route('DELETE', `${TIERS}/{tierId}`, MANAGE, ({ ctx, params: [id] }) => deleteTier(ctx, id)),
];

/** `GET /_sandbox/loyalty`: the program, every account (as the API shows it), transaction and tier. */
export const loyaltyAdmin = [
	adminRoutesFor<LoyaltyContext['site']>()('GET', '/loyalty', ({ ctx }) => ({
		program: ctx.site.loyalty.program,
		accounts: [...ctx.site.loyalty.accounts.values()].map((a) => viewAccount(ctx, a)),
		transactions: [...ctx.site.loyalty.transactions.values()],
		tiers: [...ctx.site.loyalty.tiers.values()],
	})),
	adminRoutesFor<LoyaltyContext['site']>()(
		'POST',
		'/loyalty/accounts/{id}/expiring',
		({ ctx, params: [id], body }) => {
			// Wix's daily check finds points that expire in 14 days.
			const account = ctx.site.loyalty.accounts.get(id);
			if (!account) throw new AdminError(404, `no loyalty account ${id}`);
			const balance = account.points?.balance ?? 0;
			const points = Number(body.points ?? balance);
			if (!Number.isInteger(points) || points < 1 || points > balance)
				throw new AdminError(400, `points must be 1 to the balance (${balance})`);
			const expirationDate =
				typeof body.expirationDate === 'string'
					? body.expirationDate
					: new Date(Date.parse(ctx.site.now()) + 14 * 86_400_000).toISOString();
			pointsAboutToExpire(ctx, account, points, expirationDate);
			return { accountId: id, pointsToExpire: points, expirationDate };
		},
	),
	adminRoutesFor<LoyaltyContext['site']>()(
		'POST',
		'/loyalty/accounts/{id}/social-follow',
		({ ctx, params: [id], body }) => {
			// The customer follows one of the site's social profiles from the loyalty page.
			const account = ctx.site.loyalty.accounts.get(id);
			if (!account) throw new AdminError(404, `no loyalty account ${id}`);
			const channel = String(body.channel ?? 'INSTAGRAM');
			socialChannelFollowed(ctx, account, channel);
			return { accountId: id, channel };
		},
	),
];
