import { adminRoutesFor } from '../core/admin';
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
];
