/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import { createContact } from '../contacts/contacts';
import type { ContactsSite } from '../contacts/context';
import { AdminError, adminRoutesFor } from '../core/admin';
import { READ, routesFor } from '../core/router';
import type { MembersContext } from './members';

const route = routesFor<MembersContext['site']>();

export const membersRoutes = [
	route('POST', '/members/v1/members/query', READ, ({ ctx, body }) => ctx.site.members.query(body)),
	route('GET', '/members/v1/members', READ, ({ ctx, qs }) => ctx.site.members.list(qs)),
	route('GET', '/members/v1/members/{id}', READ, ({ ctx, params: [id], qs }) =>
		ctx.site.members.get(id, qs),
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
			return { member: ctx.site.members.signUp(ctx, String(contactId)) };
		} catch (error) {
			throw new AdminError(404, (error as Error).message);
		}
	}),
];
