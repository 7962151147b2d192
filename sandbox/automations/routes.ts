import { adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import type { AutomationsState } from './automations';

const route = routesFor<AutomationsState>();

export const automationsRoutes = [
	route('POST', '/automations-service/v2/automations/query', READ, ({ ctx, body }) =>
		ctx.site.automations.query(body),
	),
	route('POST', '/automations-service/v2/automations', MANAGE, ({ ctx, body }) =>
		ctx.site.automations.create(ctx, body),
	),
	route('GET', '/automations-service/v2/automations/{id}', READ, ({ ctx, params: [id] }) =>
		ctx.site.automations.get(id),
	),
	route('DELETE', '/automations-service/v2/automations/{id}', MANAGE, ({ ctx, params: [id] }) =>
		ctx.site.automations.delete(id),
	),
];

export const automationsAdmin = [
	adminRoutesFor<AutomationsState>()('GET', '/automations', ({ ctx }) => ({
		automations: [...ctx.site.automations.automations.values()],
	})),
];
