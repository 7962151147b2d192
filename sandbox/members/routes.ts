import { AdminError, adminRoutesFor } from '../core/admin';
import { READ, routesFor } from '../core/router';
import type { MembersContext } from './members';

export const membersRoutes = [
	routesFor<MembersContext['site']>()('POST', '/members/v1/members/query', READ, ({ ctx, body }) =>
		ctx.site.members.query(body),
	),
];

export const membersAdmin = [
	adminRoutesFor<MembersContext['site']>()('POST', '/members', ({ ctx, body }) => {
		// A visitor signs up: the contact becomes a site member.
		try {
			return { member: ctx.site.members.signUp(ctx, String(body.contactId)) };
		} catch (error) {
			throw new AdminError(404, (error as Error).message);
		}
	}),
];
