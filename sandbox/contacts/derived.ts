/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The parts of a contact Wix computes rather than stores as given: primary info, display names,
// subscription fields (from Email Subscriptions) and membership status (from Members).
import type { ContactsSite } from './context';
import type { Contact } from './types';

/** Recomputes everything Wix derives: primary info, subscription fields, display names. */
export function derive(site: ContactsSite, contact: Contact): Contact {
	const info = contact.info ?? {};
	const email = info.emails?.items?.find((i) => i.primary);
	const phone = info.phones?.items?.find((i) => i.primary);
	const ext: Record<string, unknown> = { ...(info.extendedFields?.items ?? {}) };
	for (const [k, value] of Object.entries(ext)) if (value === null || value === '') delete ext[k];
	const first = info.name?.first ?? '';
	const last = info.name?.last ?? '';
	if (first || last) {
		ext['contacts.displayByFirstName'] = [first, last].filter(Boolean).join(' ');
		ext['contacts.displayByLastName'] = [last, first].filter(Boolean).join(' ');
	} else {
		delete ext['contacts.displayByFirstName'];
		delete ext['contacts.displayByLastName'];
	}
	if (email) {
		const subscription = site.subscriptions.get(String(email.email));
		ext['emailSubscriptions.effectiveEmail'] = email.email;
		ext['emailSubscriptions.subscriptionStatus'] = subscription?.subscriptionStatus ?? 'NOT_SET';
		if (subscription?.deliverabilityStatus && subscription.deliverabilityStatus !== 'NOT_SET') {
			ext['emailSubscriptions.deliverabilityStatus'] = subscription.deliverabilityStatus;
		}
	} else {
		delete ext['emailSubscriptions.effectiveEmail'];
		delete ext['emailSubscriptions.subscriptionStatus'];
	}
	if (site.members.isMember(contact.id!)) ext['members.membershipStatus'] = 'APPROVED';
	contact.info = { ...info, extendedFields: { items: ext } };
	if (!contact.info.labelKeys) contact.info.labelKeys = { items: [] };
	contact.primaryInfo = { email: email?.email ?? undefined, phone: phone?.phone ?? undefined };
	contact.primaryEmail = email
		? {
				email: email.email,
				subscriptionStatus: (ext['emailSubscriptions.subscriptionStatus'] as any) ?? 'NOT_SET',
				deliverabilityStatus: (ext['emailSubscriptions.deliverabilityStatus'] as any) ?? 'NOT_SET',
			}
		: undefined;
	contact.primaryPhone = phone
		? {
				phone: phone.phone,
				e164Phone: phone.e164Phone,
				countryCode: phone.countryCode,
				subscriptionStatus: 'NOT_SET',
			}
		: undefined;
	return contact;
}
