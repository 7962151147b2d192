// Wix Forms has no API the nodes call; the admin API plays the visitor who submits a form: a Wix
// Form (the default), a form of the legacy Wix Forms & Payments app, or a CMS form (a dataset form).
import { createContact } from '../contacts/contacts';
import type { ContactsSite } from '../contacts/context';
import { AdminError, adminRoutesFor } from '../core/admin';

const FORM_TRIGGERS: Record<string, string> = {
	wixForms: 'wix_form_app-form_submitted',
	legacy: 'wix_forms-form_submit',
	cms: 'cms-dataset_form_submitted',
};

export const formsAdmin = [
	adminRoutesFor<ContactsSite>()('POST', '/forms/submit', ({ ctx, body }) => {
		// The contact is found by email or created, then the trigger fires.
		const email = String(body.email ?? '').toLowerCase();
		let contact = [...ctx.site.contacts.values()].find((c) => c.primaryInfo?.email === email);
		if (!contact)
			contact = createContact(ctx, {
				info: { name: { first: body.firstName ?? '' }, emails: { items: [{ email }] } },
			}).contact!;
		const app = body.app ?? 'wixForms';
		const triggerKey = FORM_TRIGGERS[app];
		if (!triggerKey)
			throw new AdminError(400, `app must be one of ${Object.keys(FORM_TRIGGERS).join(', ')}`);
		const submission = {
			formName: body.formName ?? 'Contact form',
			submissionId: ctx.site.newId(),
			submissionTime: new Date().toISOString(),
			contactId: contact.id,
			...(app === 'cms' ? { collectionId: body.collectionId ?? 'Submissions' } : {}),
			...Object.fromEntries(Object.entries(body.fields ?? {}).map(([k, v]) => [`field:${k}`, v])),
		};
		ctx.fire!(triggerKey, submission);
		return submission;
	}),
];
