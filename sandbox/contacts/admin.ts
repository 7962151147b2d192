// Admin calls about contacts: the facts only the site's owner sets (roles, import times), and the
// "another writer" fault, which lands an update on a contact just before a request.
import { AdminError, adminRoutesFor } from '../core/admin';
import { createContact, deleteContact, updateContact } from './contacts';
import { contactPayload } from './writes';
import type { ContactsContext, ContactsSite } from './context';

const route = adminRoutesFor<ContactsSite>();

export const contactsAdmin = [
	route('POST', '/contacts/{id}/role', ({ ctx, params: [id], body }) => {
		const { site } = ctx;
		if (!site.contacts.has(id)) throw new AdminError(404, `no contact ${id}`);
		if (body.member === true) site.members.setMember(ctx, id, true);
		if (body.member === false) site.members.setMember(ctx, id, false);
		for (const [flag, set] of [
			['owner', site.ownerContactIds],
			['billing', site.billingContactIds],
		] as const) {
			if (body[flag] === true) set.add(id);
			if (body[flag] === false) set.delete(id);
		}
		return {
			contactId: id,
			member: site.members.isMember(id),
			owner: site.ownerContactIds.has(id),
			billing: site.billingContactIds.has(id),
		};
	}),
	route('POST', '/contacts/{id}/assign', ({ ctx, params: [id], body }) => {
		// The owner assigns the contact to a collaborator in the dashboard (no public API does this).
		const contact = ctx.site.contacts.get(id);
		if (!contact) throw new AdminError(404, `no contact ${id}`);
		if (typeof body.assigneeId !== 'string' || !body.assigneeId)
			throw new AdminError(400, "assigneeId (the collaborator's user ID) is required");
		const payload = { ...contactPayload(contact), assigneeId: body.assigneeId };
		ctx.fire?.('contacts-contact_assigned', payload);
		return payload;
	}),
	route('POST', '/contacts/timestamps', ({ ctx: { site }, body }) => {
		// Gives contacts one creation time, as a bulk import does.
		for (const id of body.ids ?? []) {
			const contact = site.contacts.get(id);
			if (contact) contact.createdDate = contact.updatedDate = String(body.createdDate);
		}
		return { updated: (body.ids ?? []).length };
	}),
];

/** Another writer's update landing just before a request, as happens on a busy site. `pathOrId` names the contact. */
export function writeConcurrently(
	ctx: ContactsContext,
	pathOrId: string,
	info: Record<string, unknown>,
) {
	const id = pathOrId.startsWith('/')
		? /^\/contacts\/v4\/contacts\/([^/]+)/.exec(pathOrId)?.[1]
		: pathOrId;
	const current = id ? ctx.site.contacts.get(decodeURIComponent(id)) : undefined;
	if (!current) return;
	updateContact(ctx, current.id!, { revision: current.revision, info });
}

/**
 * Other writers creating and deleting contacts just before a request, as an import or a clean-up
 * does while a sync reads: `create` new contacts, and `remove` of the newest (or oldest) ones.
 */
export function writeManyConcurrently(
	ctx: ContactsContext,
	changes: { create?: number; remove?: number; removeFrom?: 'newest' | 'oldest' },
) {
	const remove = changes.remove ?? 0;
	if (remove > 0) {
		const byAge = [...ctx.site.contacts.values()].sort((a, b) =>
			String(a.createdDate).localeCompare(String(b.createdDate)),
		);
		const victims = changes.removeFrom === 'oldest' ? byAge.slice(0, remove) : byAge.slice(-remove);
		for (const contact of victims) deleteContact(ctx, contact.id!);
	}
	for (let k = 0; k < (changes.create ?? 0); k++) {
		createContact(ctx, {
			info: { name: { first: 'Concurrent', last: String(k) } },
			allowDuplicates: true,
		});
	}
}
