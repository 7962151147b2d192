/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import { createContact } from '../contacts/contacts';
import type { ContactsSite } from '../contacts/context';
import { AdminError, adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import type { MembersContext } from './members';

const route = routesFor<MembersContext['site']>();

export const membersRoutes = [
	route('POST', '/members/v1/members/query', READ, ({ ctx, body }) => ctx.site.members.query(body)),
	route('GET', '/members/v1/members', READ, ({ ctx, qs }) => ctx.site.members.list(qs)),
	route('GET', '/members/v1/members/{id}', READ, ({ ctx, params: [id], qs }) =>
		ctx.site.members.get(id, qs),
	),
	route('POST', '/members/v1/members/{id}/approve', MANAGE, ({ ctx, params: [id] }) =>
		ctx.site.members.approve(ctx, id),
	),
	route('POST', '/members/v1/members/{id}/block', MANAGE, ({ ctx, params: [id] }) =>
		ctx.site.members.block(ctx, id),
	),
	route('DELETE', '/members/v1/members/{id}', MANAGE, ({ ctx, params: [id] }) =>
		ctx.site.members.delete(ctx, id),
	),
];

export const membersAdmin = [
	adminRoutesFor<ContactsSite>()('POST', '/members', ({ ctx, body }) => {
		// A visitor signs up: the contact (by ID, or by email, created when missing) becomes a site member.
		let contactId = typeof body.contactId === 'string' ? body.contactId : undefined;
		if (!contactId && typeof body.email === 'string') {
			const email = body.email.trim().toLowerCase();
			contactId = [...ctx.site.contacts.values()].find((c) => c.primaryInfo?.email === email)?.id;
			if (!contactId) {
				const name = { first: body.firstName, last: body.lastName };
				contactId = createContact(ctx, {
					info: { name, emails: { items: [{ email, tag: 'MAIN' }] } },
				}).contact!.id!;
			}
		}
		try {
			return {
				member: ctx.site.members.signUp(ctx, String(contactId), {
					approval: body.approval === true,
					confirmEmail: body.confirmEmail === true,
					byOwner: body.byOwner === true,
				}),
			};
		} catch (error) {
			throw new AdminError(404, (error as Error).message);
		}
	}),
	adminRoutesFor<MembersContext['site']>()(
		'POST',
		'/members/{id}/{action}',
		({ ctx, params: [id, action] }) => {
			// What a visitor does on the live site: log in, or ask for a password reset.
			if (action !== 'login' && action !== 'reset-password')
				throw new AdminError(404, `No member action ${action}: use login or reset-password`);
			try {
				return { member: ctx.site.members.visitorAction(ctx, id, action) };
			} catch (error) {
				throw new AdminError(
					(error as { status?: number }).status === 403 ? 409 : 404,
					(error as Error).message,
				);
			}
		},
	),
];
