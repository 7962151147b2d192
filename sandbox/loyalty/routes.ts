import { MANAGE, READ, routesFor } from '../core/router';
import type { LoyaltyContext } from './loyalty';

const route = routesFor<LoyaltyContext['site']>();

export const loyaltyRoutes = [
	route('GET', '/loyalty-programs/v1/program', READ, ({ ctx }) => ctx.site.loyalty.getProgram()),
	route('POST', '/loyalty-programs/v1/program/activate', MANAGE, ({ ctx }) =>
		ctx.site.loyalty.activate(ctx),
	),
	route('POST', '/loyalty-accounts/v1/accounts/query', READ, ({ ctx, body }) =>
		ctx.site.loyalty.queryAccounts(body),
	),
	route('POST', '/loyalty-accounts/v1/accounts', MANAGE, ({ ctx, body }) =>
		ctx.site.loyalty.createAccount(ctx, body),
	),
	route('GET', '/loyalty-accounts/v1/accounts/{id}', READ, ({ ctx, params: [id] }) =>
		ctx.site.loyalty.getAccount(id),
	),
	route(
		'POST',
		'/loyalty-accounts/v1/accounts/{id}/earn-points',
		MANAGE,
		({ ctx, params: [id], body }) => ctx.site.loyalty.earnPoints(ctx, id, body),
	),
	route(
		'POST',
		'/loyalty-accounts/v1/accounts/{id}/adjust-points',
		MANAGE,
		({ ctx, params: [id], body }) => ctx.site.loyalty.adjustPoints(ctx, id, body),
	),
];
