// What velo/http-functions.js does on a real site, for the operations Wix has no REST API for.
// Errors use Wix's envelope, as the Velo file answers, so the nodes map them the same way.
import type { ContactsContext } from './contacts';
import { appError, validationError } from './errors';

export function emailContact(ctx: ContactsContext, body: Record<string, any>) {
	if (typeof body.emailId !== 'string' || !body.emailId.trim()) throw validationError([{ field: 'emailId', description: 'is required' }]);
	if (typeof body.contactId !== 'string' || !body.contactId) throw validationError([{ field: 'contactId', description: 'is required' }]);
	const variables = body.variables ?? {};
	if (typeof variables !== 'object' || Array.isArray(variables)) throw validationError([{ field: 'variables', description: 'must be an object of strings' }]);
	for (const [name, value] of Object.entries(variables)) {
		if (typeof value !== 'string') throw validationError([{ field: `variables.${name}`, description: 'must be a string' }]);
	}
	const contact = ctx.site.contacts.get(body.contactId);
	if (!contact) throw appError(404, 'CONTACT_NOT_FOUND', `Contact ${body.contactId} not found`);
	if (!contact.primaryInfo?.email) throw appError(400, 'CONTACT_HAS_NO_EMAIL', `Contact ${body.contactId} has no email to send to`);
	const unsubscribed = contact.info?.extendedFields?.items?.['emailSubscriptions.subscriptionStatus'] === 'UNSUBSCRIBED';
	const status = unsubscribed ? 'SKIPPED_UNSUBSCRIBED' : 'SENT';
	ctx.site.sentEmails.push({ emailId: body.emailId, contactId: body.contactId, variables: variables as Record<string, string>, status, at: new Date().toISOString() });
	return { sent: !unsubscribed, status };
}
