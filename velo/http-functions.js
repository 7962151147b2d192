// Backend file for your Wix site: lets the Wix Contacts node of n8n-nodes-wix-crm send triggered
// emails, which Wix offers no public REST API for. Copy it into your site's backend as
// backend/http-functions.js (Velo / Wix IDE), add the secret, and publish. See velo/README.md.
import { ok, badRequest, forbidden, notFound, serverError } from 'wix-http-functions';
import wixCRMBackend from 'wix-crm-backend';
import { getSecret } from 'wix-secrets-backend';

const SECRET_NAME = 'n8n-shared-secret';

// Errors in the shape Wix's REST APIs use, so the n8n node reports them the same way.
function failure(respond, code, description) {
	return respond({
		headers: { 'Content-Type': 'application/json' },
		body: { message: description, details: { applicationError: { code, description } } },
	});
}

async function authorized(request) {
	const expected = await getSecret(SECRET_NAME);
	const given = (request.headers.authorization || '').replace(/^Bearer\s+/i, '');
	return Boolean(expected) && given.length === expected.length && given === expected;
}

async function readJson(request) {
	try {
		return await request.body.json();
	} catch (error) {
		return undefined;
	}
}

export async function post_ping(request) {
	if (!(await authorized(request))) return failure(forbidden, 'UNAUTHENTICATED', 'Wrong or missing shared secret');
	return ok({ headers: { 'Content-Type': 'application/json' }, body: { ok: true } });
}

export async function post_emailContact(request) {
	if (!(await authorized(request))) return failure(forbidden, 'UNAUTHENTICATED', 'Wrong or missing shared secret');
	const body = await readJson(request);
	if (!body || typeof body.emailId !== 'string' || typeof body.contactId !== 'string') {
		return failure(badRequest, 'INVALID_ARGUMENT', 'Send JSON with emailId, contactId and optional variables (strings)');
	}
	const variables = {};
	for (const [name, value] of Object.entries(body.variables || {})) variables[name] = String(value);
	try {
		await wixCRMBackend.emailContact(body.emailId, body.contactId, { variables });
		return ok({ headers: { 'Content-Type': 'application/json' }, body: { sent: true, status: 'SENT' } });
	} catch (error) {
		const message = String((error && error.message) || error);
		if (/not found/i.test(message)) return failure(notFound, 'CONTACT_NOT_FOUND', message);
		return failure(serverError, 'EMAIL_NOT_SENT', message);
	}
}
