// Wix Forms has no API the nodes call; the admin API plays the visitor who submits a form.
import { createContact } from '../contacts/contacts';
import type { ContactsSite } from '../contacts/context';
import { adminRoutesFor } from '../core/admin';

export const formsAdmin = [
	adminRoutesFor<ContactsSite>()('POST', '/forms/submit', ({ ctx, body }) => {
		// The contact is found by email or created, then the trigger fires.
		const email = String(body.email ?? '').toLowerCase();
		let contact = [...ctx.site.contacts.values()].find((c) => c.primaryInfo?.email === email);
		if (!contact)
			contact = createContact(ctx, {
				info: { name: { first: body.firstName ?? '' }, emails: { items: [{ email }] } },
			}).contact!;
		const submission = {
			formName: body.formName ?? 'Contact form',
			submissionId: ctx.site.newId(),
			submissionTime: new Date().toISOString(),
			contactId: contact.id,
			...Object.fromEntries(Object.entries(body.fields ?? {}).map(([k, v]) => [`field:${k}`, v])),
		};
		ctx.fire!('wix_form_app-form_submitted', submission);
		return submission;
	}),
];
