// Each Contact operation of the Wix Contacts node, run in-process against a sandbox over HTTP.
import type { IDataObject } from 'n8n-workflow';

import { WixContacts } from '../../nodes/Wix/Contacts/WixContacts.node';
import { runNode, type RunOptions } from '../helpers/executeContext';
import { admin, apiKeyCredentials, oauthCredentials, useTestSandbox, wix } from '../helpers/sandbox';

const node = new WixContacts();
const sandbox = useTestSandbox();

function run(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
	return runNode({ node, parameters: { resource: 'contact', ...parameters }, credentials: apiKeyCredentials(sandbox), ...extra });
}

async function createContact(info: IDataObject): Promise<any> {
	const { status, body } = await wix(sandbox, 'POST', '/contacts/v4/contacts', { info });
	expect(status).toBe(200);
	return body.contact;
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Contact: Create', () => {
	it('creates one contact per item with the fields given', async () => {
		const { output } = await run(
			{ operation: 'create', contactFields: (i: number, item: IDataObject) => ({ firstName: item.first, email: item.email, company: 'Analytical' }) },
			{ items: [{ first: 'Ada', email: 'ada@example.com' }, { first: 'Grace', email: 'grace@example.com' }] },
		);
		expect(output).toHaveLength(2);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toMatchObject({ revision: 1, primaryInfo: { email: 'ada@example.com' }, info: { name: { first: 'Ada' }, company: 'Analytical' } });
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts.map((c: any) => c.primaryInfo.email).sort()).toEqual(['ada@example.com', 'grace@example.com']);
	});

	it('fails an invalid email with the field and code, and loses no other item under Continue On Fail', async () => {
		const { output } = await run(
			{ operation: 'create', contactFields: (_: number, item: IDataObject) => ({ email: item.email }) },
			{ items: [{ email: 'ok1@example.com' }, { email: 'not-an-email' }, { email: 'ok2@example.com' }], continueOnFail: true },
		);
		expect(output).toHaveLength(3);
		expect(output[1].json).toMatchObject({ code: 'INVALID_ARGUMENT', httpCode: '400' });
		expect(output[1].json.error).toContain('info.emails.items[0].email');
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2].json.primaryInfo).toEqual({ email: 'ok2@example.com' });
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(2);
	});

	it('refuses a duplicate email and names the existing contact, unless duplicates are allowed', async () => {
		const existing = await createContact({ emails: { items: [{ email: 'dup@example.com' }] } });
		await expect(run({ operation: 'create', contactFields: { email: 'DUP@example.com' } })).rejects.toThrow(
			new RegExp(`existing contact ID: ${existing.id}.*DUPLICATE_CONTACT_EXISTS`),
		);
		const { output } = await run({ operation: 'create', contactFields: { email: 'dup@example.com' }, options: { allowDuplicates: true } });
		expect(output[0].json.id).not.toBe(existing.id);
	});

	it('refuses a contact with no name, email or phone', async () => {
		await expect(run({ operation: 'create', contactFields: { company: 'Nobody Inc' } })).rejects.toThrow(/INSUFFICIENT_CONTACT_DATA/);
	});
});

describe('Contact: Get', () => {
	it('gets a contact by ID with the fieldsets asked for', async () => {
		const c = await createContact({ name: { first: 'Ada' }, company: 'AE', emails: { items: [{ email: 'a@x.co' }] } });
		const full = await run({ operation: 'get', contactId: rl(c.id) });
		expect(full.output[0].json).toMatchObject({ id: c.id, info: { company: 'AE' } });
		const basic = await run({ operation: 'get', contactId: rl(c.id), fieldsets: ['BASIC'] });
		expect(basic.output[0].json.info).toEqual({ name: { first: 'Ada' } });
		expect(basic.requests[0].url).toContain('fieldsets=BASIC');
	});

	it('fails a contact that does not exist with CONTACT_NOT_FOUND and a hint', async () => {
		const error = await run({ operation: 'get', contactId: rl('00000000-0000-4000-8000-000000000000') }).catch((e) => e);
		expect(error.message).toMatch(/CONTACT_NOT_FOUND/);
		expect(error.description).toMatch(/Check the ID/);
		expect(error.httpCode).toBe('404');
	});
});

describe('Contact: Get Many', () => {
	beforeEach(async () => {
		await admin(sandbox, 'POST', '/reset', { seed: 'contacts:2300' });
		await admin(sandbox, 'DELETE', '/requests');
	});

	it('returns all contacts at 1000 per request', async () => {
		const { output } = await run({ operation: 'getAll', returnAll: true });
		expect(output).toHaveLength(2300);
		expect(new Set(output.map((o) => o.json.id)).size).toBe(2300);
		const { counts } = await admin(sandbox, 'GET', '/counts');
		expect(counts['POST /contacts/v4/contacts/query']).toBe(3);
		const { requests } = await admin(sandbox, 'GET', '/requests');
		expect(requests).toHaveLength(3);
	});

	it('respects the limit with one request', async () => {
		const { output, requests } = await run({ operation: 'getAll', returnAll: false, limit: 7 });
		expect(output).toHaveLength(7);
		expect(requests).toHaveLength(1);
		expect((requests[0].body as any).query.paging).toEqual({ limit: 7, offset: 0 });
	});

	it('filters, searches and sorts', async () => {
		const { output } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { rawFilter: '{"info.name.first": {"$startsWith": "Ada"}}' },
			options: { sortField: 'createdDate', sortOrder: 'ASC' },
		});
		expect(output.length).toBeGreaterThan(10);
		expect(output.every((o: any) => o.json.info.name.first === 'Ada')).toBe(true);
		const dates = output.map((o: any) => o.json.createdDate);
		expect([...dates].sort()).toEqual(dates);
	});

	it('rejects malformed filter JSON before any request, naming the field', async () => {
		const error = await run({ operation: 'getAll', returnAll: true, filters: { rawFilter: '{"info.name.first": ' } }).catch((e) => e);
		expect(error.message).toMatch(/Raw Filter \(JSON\) is not valid JSON/);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(0);
	});

	it('refuses a filter on a field Wix cannot filter before any request', async () => {
		const error = await run({ operation: 'getAll', returnAll: true, filters: { rawFilter: '{"info.nickname": "x"}' } }).catch((e) => e);
		expect(error.message).toMatch(/Wix cannot filter contacts on "info.nickname"/);
		const unsupported = await run({ operation: 'getAll', returnAll: true, filters: { rawFilter: '{"createdDate": {"$startsWith": "2024"}}' } }).catch((e) => e);
		expect(unsupported.message).toMatch(/does not support \$startsWith on "createdDate"/);
		expect((await admin(sandbox, 'GET', '/counts')).counts['POST /contacts/v4/contacts/query']).toBeUndefined();
	});

	it('passes what only Wix can judge through with Wix’s code', async () => {
		await expect(run({ operation: 'getAll', returnAll: true, filters: { rawFilter: '{"id": {"$in": "not-a-list"}}' } })).rejects.toThrow(
			/UNSUPPORTED_FILTER_VALUE_TYPE/,
		);
	});
});

describe('Contact: Update', () => {
	it('changes only the given fields, keeps secondary emails and custom fields', async () => {
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', { displayName: 'Plan', dataType: 'TEXT' });
		const c = await createContact({
			name: { first: 'Ada', last: 'Lovelace' },
			emails: { items: [{ email: 'ada@old.com', primary: true }, { email: 'ada@work.com' }] },
			extendedFields: { items: { 'custom.plan': 'Gold' } },
		});
		const { output } = await run({ operation: 'update', contactId: rl(c.id), updateFields: { email: 'ada@new.com', jobTitle: 'Countess' } });
		expect(output[0].json).toMatchObject({ revision: 2, primaryInfo: { email: 'ada@new.com' } });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
		expect(stored.info.emails.items.map((e: any) => e.email)).toEqual(['ada@new.com', 'ada@work.com']);
		expect(stored.info.name).toEqual({ first: 'Ada', last: 'Lovelace' });
		expect(stored.info.jobTitle).toBe('Countess');
		expect(stored.info.extendedFields.items['custom.plan']).toBe('Gold');
	});

	it('retries with the fresh revision when another writer got there first, losing neither write', async () => {
		const c = await createContact({ name: { first: 'Ada' } });
		// Another writer's update lands between the node's read and its write, so the first PATCH is stale.
		await admin(sandbox, 'POST', '/faults', { kind: 'concurrentUpdate', method: 'PATCH', times: 1, info: { jobTitle: 'Theirs' } });
		await admin(sandbox, 'DELETE', '/requests');
		const { output, requests } = await run({ operation: 'update', contactId: rl(c.id), updateFields: { company: 'Ours' } });
		expect(output[0].json).toMatchObject({ revision: 3, info: { company: 'Ours', jobTitle: 'Theirs' } });
		expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET', 'PATCH']);
		const log = (await admin(sandbox, 'GET', '/requests')).requests.map((r: any) => r.status);
		expect(log).toEqual([200, 409, 200, 200]);
	});

	it('gives up on a contact that keeps changing, with CONTACT_ALREADY_CHANGED', async () => {
		const c = await createContact({ name: { first: 'Ada' } });
		await admin(sandbox, 'POST', '/faults', { kind: 'concurrentUpdate', method: 'PATCH', info: { jobTitle: 'Busy' } });
		await expect(run({ operation: 'update', contactId: rl(c.id), updateFields: { company: 'Ours' } })).rejects.toThrow(/CONTACT_ALREADY_CHANGED/);
	});

	it('fails an unknown contact without writing anything', async () => {
		await expect(run({ operation: 'update', contactId: rl('00000000-0000-4000-8000-000000000000'), updateFields: { company: 'X' } })).rejects.toThrow(
			/CONTACT_NOT_FOUND/,
		);
	});
});

describe('Contact: Delete', () => {
	it('deletes, and a member’s contact fails with Wix’s reason while the other items go on', async () => {
		const a = await createContact({ name: { first: 'A' } });
		const member = await createContact({ name: { first: 'Member' } });
		const b = await createContact({ name: { first: 'B' } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const { output } = await run(
			{ operation: 'delete', contactId: (_: number, item: IDataObject) => rl(String(item.id)) },
			{ items: [{ id: a.id }, { id: member.id }, { id: b.id }], continueOnFail: true },
		);
		expect(output[0].json).toEqual({ deleted: true, contactId: a.id });
		expect(output[1].json).toMatchObject({ code: 'CANNOT_DELETE_MEMBER', httpCode: '428' });
		expect(output[2].json).toEqual({ deleted: true, contactId: b.id });
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts.map((c: any) => c.id)).toEqual([member.id]);
	});

	it('without Continue On Fail, stops at the failing item with its index', async () => {
		const member = await createContact({ name: { first: 'Member' } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const error = await run({ operation: 'delete', contactId: rl(member.id) }).catch((e) => e);
		expect(error.message).toMatch(/site member.*CANNOT_DELETE_MEMBER/);
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('credentials', () => {
	it('a wrong API key fails with 401 and a hint about the credential', async () => {
		const error = await runNode({ node, parameters: { resource: 'contact', operation: 'getAll', limit: 1 }, credentials: apiKeyCredentials(sandbox, { apiKey: 'wrong' }) }).catch((e) => e);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/Invalid API key.*UNAUTHENTICATED/);
		expect(error.description).toMatch(/credential/);
	});

	it('a wrong site ID fails with 403 naming the site', async () => {
		const error = await runNode({ node, parameters: { resource: 'contact', operation: 'getAll', limit: 1 }, credentials: apiKeyCredentials(sandbox, { siteId: 'other-site' }) }).catch((e) => e);
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/other-site/);
	});

	it('a key without the manage permission can read but not write', async () => {
		const { key } = await admin(sandbox, 'POST', '/api-keys', { permissions: ['read'] });
		const credentials = apiKeyCredentials(sandbox, { apiKey: key });
		await expect(runNode({ node, parameters: { resource: 'contact', operation: 'getAll', limit: 1 }, credentials })).resolves.toBeDefined();
		await expect(runNode({ node, parameters: { resource: 'contact', operation: 'create', contactFields: { firstName: 'X' } }, credentials })).rejects.toThrow(
			/PERMISSION_DENIED/,
		);
	});

	it('OAuth: mints a token with a JSON body, sends it raw, and re-mints it once it expires', async () => {
		const first = await runNode({ node, parameters: { resource: 'contact', operation: 'create', contactFields: { firstName: 'Oauth' } }, credentials: oauthCredentials(sandbox) });
		const tokenCall = first.requests[0];
		expect(tokenCall.url).toBe(`${sandbox.url}/oauth2/token`);
		expect(tokenCall.body).toEqual({
			grant_type: 'client_credentials',
			client_id: sandbox.creds.appId,
			client_secret: sandbox.creds.appSecret,
			instance_id: sandbox.creds.instanceId,
		});
		const token = String(first.credentials.accessToken);
		expect(first.requests[1].headers.Authorization).toBe(token);
		expect(first.output[0].json.source).toEqual({ sourceType: 'WIX_APP', appId: sandbox.creds.appId });

		await admin(sandbox, 'POST', '/tokens/expire');
		const second = await runNode({
			node,
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
			credentials: oauthCredentials(sandbox, { accessToken: token }),
		});
		expect(second.output).toHaveLength(1);
		expect(second.requests.map((r) => r.url.replace(sandbox.url, '').split('?')[0])).toEqual([
			'/contacts/v4/contacts/query',
			'/oauth2/token',
			'/contacts/v4/contacts/query',
		]);
		expect(second.credentials.accessToken).not.toBe(token);
	});

	it('OAuth: a wrong secret or instance fails with Wix’s message', async () => {
		await expect(
			runNode({ node, parameters: { resource: 'contact', operation: 'getAll', limit: 1 }, credentials: oauthCredentials(sandbox, { appSecret: 'nope' }) }),
		).rejects.toThrow(/Invalid client_id or client_secret|401/);
		await expect(
			runNode({ node, parameters: { resource: 'contact', operation: 'getAll', limit: 1 }, credentials: oauthCredentials(sandbox, { instanceId: 'nope' }) }),
		).rejects.toThrow(/INVALID_INSTANCE_ID|400/);
	});
});

describe('transport against a misbehaving Wix', () => {
	it('retries 500 twice, then succeeds', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 500, times: 2, pathPrefix: '/contacts/v4/contacts' });
		const { output } = await run({ operation: 'create', contactFields: { firstName: 'Retry' } });
		expect(output[0].json.info).toMatchObject({ name: { first: 'Retry' } });
		const { requests } = await admin(sandbox, 'GET', '/requests');
		expect(requests.map((r: any) => r.status)).toEqual([500, 500, 200]);
	});

	it('retries a dropped connection', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'reset', times: 1 });
		const { output } = await run({ operation: 'create', contactFields: { firstName: 'Reset' } });
		expect(output).toHaveLength(1);
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(1);
	});

	it('retries a request that hung and was dropped', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'timeout', delayMs: 300, times: 1 });
		const { output } = await run({ operation: 'create', contactFields: { firstName: 'Slow' } });
		expect(output).toHaveLength(1);
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(1);
	});

	it('never retries a 4xx', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 400, times: 1 });
		await expect(run({ operation: 'create', contactFields: { firstName: 'X' } })).rejects.toThrow(/400|INVALID_ARGUMENT/);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(1);
	});

	it('rides out a 429 storm (every other request throttled) and creates every contact once', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 429, every: 2 });
		const items = Array.from({ length: 12 }, (_, k) => ({ first: `Storm${k}` }));
		const { output } = await run({ operation: 'create', contactFields: (_: number, item: IDataObject) => ({ firstName: item.first }) }, { items });
		expect(output).toHaveLength(12);
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts).toHaveLength(12);
		const statuses = (await admin(sandbox, 'GET', '/requests')).requests.map((r: any) => r.status);
		expect(statuses.filter((s: number) => s === 429).length).toBeGreaterThanOrEqual(11);
	});

	it('gives up after the bounded number of attempts and says so', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 503 });
		const error = await run({ operation: 'get', contactId: rl('00000000-0000-4000-8000-000000000000') }).catch((e) => e);
		expect(error.httpCode).toBe('503');
		expect(error.description).toMatch(/tried 5 times/);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(5);
	}, 60000);
});
