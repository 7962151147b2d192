/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What velo/http-functions.js does on a real site, for the operations Wix has no REST API for.
// Errors use Wix's envelope, as the Velo file answers, so the nodes map them the same way.
import type { ContactsState } from '../contacts/store';
import { adminRoutesFor } from '../core/admin';
import type { SiteContext } from '../core/context';
import { appError, validationError, WixHttpError } from '../core/errors';

export interface SentEmail {
	emailId: string;
	contactId: string;
	variables: Record<string, string>;
	status: 'SENT' | 'SKIPPED_UNSUBSCRIBED';
	at: string;
}

export interface SiteFunctionsState {
	/** What the site's backend function emailContact was asked to send. */
	sentEmails: SentEmail[];
}

export function siteFunctionsState(): SiteFunctionsState {
	return { sentEmails: [] };
}

export type SiteFunctionsContext = SiteContext<SiteFunctionsState & ContactsState>;

/** `/_functions/{name}`: the site's own shared secret, not a Wix API key or token. */
export function callSiteFunction(
	ctx: SiteFunctionsContext,
	authorization: string | undefined,
	siteSecret: string,
	method: string,
	path: string,
	body: Record<string, any>,
) {
	if (authorization !== `Bearer ${siteSecret}`)
		throw appError(401, 'UNAUTHENTICATED', 'Wrong or missing shared secret');
	const name = path.slice('/_functions/'.length);
	if (method === 'POST' && name === 'ping') return { ok: true };
	if (method === 'POST' && name === 'emailContact') return emailContact(ctx, body);
	throw new WixHttpError(404, { message: `No backend function ${method} ${name}`, details: {} });
}

export const siteFunctionsAdmin = [
	adminRoutesFor<SiteFunctionsState>()('GET', '/emails', ({ ctx }) => ({
		emails: ctx.site.sentEmails,
	})),
];

function emailContact(ctx: SiteFunctionsContext, body: Record<string, any>) {
	if (typeof body.emailId !== 'string' || !body.emailId.trim())
		throw validationError([{ field: 'emailId', description: 'is required' }]);
	if (typeof body.contactId !== 'string' || !body.contactId)
		throw validationError([{ field: 'contactId', description: 'is required' }]);
	const variables = body.variables ?? {};
	if (typeof variables !== 'object' || Array.isArray(variables))
		throw validationError([{ field: 'variables', description: 'must be an object of strings' }]);
	for (const [name, value] of Object.entries(variables)) {
		if (typeof value !== 'string')
			throw validationError([{ field: `variables.${name}`, description: 'must be a string' }]);
	}
	const contact = ctx.site.contacts.get(body.contactId);
	if (!contact) throw appError(404, 'CONTACT_NOT_FOUND', `Contact ${body.contactId} not found`);
	if (!contact.primaryInfo?.email)
		throw appError(
			400,
			'CONTACT_HAS_NO_EMAIL',
			`Contact ${body.contactId} has no email to send to`,
		);
	const unsubscribed =
		contact.info?.extendedFields?.items?.['emailSubscriptions.subscriptionStatus'] ===
		'UNSUBSCRIBED';
	const status = unsubscribed ? 'SKIPPED_UNSUBSCRIBED' : 'SENT';
	ctx.site.sentEmails.push({
		emailId: body.emailId,
		contactId: body.contactId,
		variables: variables as Record<string, string>,
		status,
		at: new Date().toISOString(),
	});
	return { sent: !unsubscribed, status };
}
