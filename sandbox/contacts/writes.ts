// Saving and removing contacts with the webhooks each change sends, and the look-ups writes share.
import { appError, notFound } from '../core/errors';
import type { ContactsContext, ContactsSite } from './context';
import { derive } from './derived';
import type { Contact, ContactInfo } from './types';

export function findDuplicate(site: ContactsSite, info: ContactInfo, exceptId?: string) {
	const email = info.emails?.items?.find((i) => i.primary)?.email;
	const phone = info.phones?.items?.find((i) => i.primary)?.e164Phone;
	for (const c of site.contacts.values()) {
		if (c.id === exceptId) continue;
		if (email) {
			if (c.info?.emails?.items?.some((i) => i.email === email))
				return { duplicateContactId: c.id, duplicateEmail: email };
		} else if (phone && c.info?.phones?.items?.some((i) => i.e164Phone === phone)) {
			return { duplicateContactId: c.id, duplicatePhone: phone };
		}
	}
	return undefined;
}

export function duplicateError(data: Record<string, unknown>) {
	return appError(409, 'DUPLICATE_CONTACT_EXISTS', 'Duplicate contact already exists', data);
}

export function getStored(site: ContactsSite, id: string): Contact {
	const contact = site.contacts.get(id);
	if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${id}`);
	return contact;
}

export function saveContact(
	ctx: ContactsContext,
	contact: Contact,
	slug: 'created' | 'updated',
	originatedFrom?: string,
) {
	derive(ctx.site, contact);
	ctx.site.contacts.set(contact.id!, contact);
	ctx.emit({
		entityFqdn: 'wix.contacts.v4.contact',
		slug,
		entityId: contact.id!,
		body:
			slug === 'created'
				? { createdEvent: { entity: structuredClone(contact) } }
				: { updatedEvent: { currentEntity: structuredClone(contact) } },
		originatedFrom,
	});
}

export function removeContact(ctx: ContactsContext, id: string, originatedFrom?: string) {
	ctx.site.contacts.delete(id);
	ctx.emit({
		entityFqdn: 'wix.contacts.v4.contact',
		slug: 'deleted',
		entityId: id,
		body: { deletedEvent: {} },
		originatedFrom,
	});
}

export function contactPayload(contact: Contact) {
	return {
		contactId: contact.id,
		contact: {
			id: contact.id,
			name: { first: contact.info?.name?.first ?? '', last: contact.info?.name?.last ?? '' },
			email: contact.primaryInfo?.email ?? '',
			phone: contact.primaryInfo?.phone ?? '',
			labelKeys: contact.info?.labelKeys?.items ?? [],
		},
	};
}
