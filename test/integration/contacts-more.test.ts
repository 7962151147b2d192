// Create or Update, Merge, labels, custom fields, email subscriptions and triggered emails of the
// Wix Contacts node, against a sandbox over HTTP.
import type { IDataObject } from 'n8n-workflow';

import { WixContacts } from '../../nodes/Wix/Contacts/WixContacts.node';
import { runNode, type RunOptions } from '../helpers/executeContext';
import { admin, apiKeyCredentials, useTestSandbox, wix } from '../helpers/sandbox';

const node = new WixContacts();
const sandbox = useTestSandbox();

function run(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
	return runNode({ node, parameters: { resource: 'contact', ...parameters }, credentials: apiKeyCredentials(sandbox), ...extra });
}
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
async function contact(info: IDataObject): Promise<any> {
	const { status, body } = await wix(sandbox, 'POST', '/contacts/v4/contacts', { info });
	expect(status).toBe(200);
	return body.contact;
}
async function field(displayName: string, dataType: string) {
	return (await wix(sandbox, 'POST', '/contacts/v4/extended-fields', { displayName, dataType })).body.field;
}
async function label(displayName: string) {
	return (await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName })).body.label;
}
const counts = async () => (await admin(sandbox, 'GET', '/counts')).counts as Record<string, number>;

describe('Contact: Create with labels and custom fields', () => {
	it('takes labels by name or key and custom field values by display name', async () => {
		const vip = await label('VIP');
		await label('Newsletter');
		await field('Plan', 'TEXT');
		await field('Lifetime Value', 'NUMBER');
		await field('Renewal Date', 'DATE');
		const { output } = await run({
			operation: 'create',
			contactFields: {
				firstName: 'Ada',
				email: 'ada@example.com',
				labels: [vip.key, 'newsletter'],
				addresses: { address: [{ tag: 'HOME', addressLine: '1 Main St', city: 'Richmond', subdivision: 'US-ME', country: 'US' }] },
				customFields: { field: [{ key: 'Plan', value: 'Gold' }, { key: 'custom.lifetime-value', value: '1250.5' }, { key: 'Renewal Date', value: '2027-01-31' }] },
			},
		});
		expect(output[0].json.info).toMatchObject({
			labelKeys: { items: ['custom.vip', 'custom.newsletter'] },
			addresses: { items: [{ tag: 'HOME', address: { city: 'Richmond', subdivision: 'US-ME' } }] },
			extendedFields: { items: { 'custom.plan': 'Gold', 'custom.lifetime-value': 1250.5, 'custom.renewal-date': '2027-01-31' } },
		});
	});

	it('explains a bad custom field value or unknown label before writing, per item', async () => {
		await field('Lifetime Value', 'NUMBER');
		await field('Renewal Date', 'DATE');
		const { output } = await run(
			{ operation: 'create', contactFields: (i: number, item: IDataObject) => ({ firstName: `P${i}`, ...(item as object) }) },
			{
				continueOnFail: true,
				items: [
					{ customFields: { field: [{ key: 'Lifetime Value', value: 'lots' }] } },
					{ customFields: { field: [{ key: 'Renewal Date', value: '31/01/2027' }] } },
					{ customFields: { field: [{ key: 'No Such Field', value: 'x' }] } },
					{ labels: ['No Such Label'] },
					{ email: 'fine@example.com' },
				],
			},
		);
		expect(output[0].json.error).toMatch(/"Lifetime Value" is a NUMBER field and "lots" is not a number/);
		expect(output[1].json.error).toMatch(/"Renewal Date" is a DATE field and needs YYYY-MM-DD/);
		expect(output[2].json.error).toMatch(/Custom field "No Such Field" does not exist/);
		expect(output[3].json.error).toMatch(/Label "No Such Label" does not exist/);
		expect(output[4].json.primaryInfo).toEqual({ email: 'fine@example.com' });
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(1);
		expect((await counts())['POST /contacts/v4/contacts']).toBe(1);
	});

	it('creates missing labels when asked', async () => {
		const { output } = await run({ operation: 'create', contactFields: { firstName: 'A', labels: ['Brand New'] }, options: { createMissingLabels: true } });
		expect(output[0].json.info).toMatchObject({ labelKeys: { items: ['custom.brand-new'] } });
	});

	it('returns a flat contact with Simplify', async () => {
		await field('Plan', 'TEXT');
		await label('VIP');
		const { output } = await run({
			operation: 'create',
			contactFields: { firstName: 'Ada', lastName: 'L', email: 'ada@x.co', labels: ['VIP'], customFields: { field: [{ key: 'Plan', value: 'Gold' }] } },
			simplify: true,
		});
		expect(output[0].json).toMatchObject({
			firstName: 'Ada',
			lastName: 'L',
			email: 'ada@x.co',
			labels: ['VIP'],
			customFields: { Plan: 'Gold' },
			subscriptionStatus: 'NOT_SET',
			revision: 1,
		});
		expect(Object.keys(output[0].json)).not.toContain('info');
	});
});

describe('Contact: Create or Update', () => {
	it('updates the contact with the email, creates the rest, keeps what is not given', async () => {
		const ada = await contact({ name: { first: 'Ada', last: 'Lovelace' }, company: 'AE', emails: { items: [{ email: 'ada@example.com' }] } });
		const byPhone = await contact({ name: { first: 'Grace' }, phones: { items: [{ phone: '+15550001111' }] } });
		await admin(sandbox, 'DELETE', '/requests');
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ items: [{ email: 'ADA@example.com', jobTitle: 'Countess' }, { phone: '+15550001111', lastName: 'Hopper' }, { email: 'new@example.com', firstName: 'New' }] },
		);
		expect(output.map((o) => [o.json.action, o.json.contactId])).toEqual([
			['updated', ada.id],
			['updated', byPhone.id],
			['created', expect.any(String)],
		]);
		expect(output[0].json.info).toMatchObject({ name: { first: 'Ada', last: 'Lovelace' }, company: 'AE', jobTitle: 'Countess' });
		expect(output[1].json.info).toMatchObject({ name: { first: 'Grace', last: 'Hopper' } });
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(3);
		const c = await counts();
		expect(c['POST /contacts/v4/contacts/query']).toBe(2);
		expect(c['GET /contacts/v4/contacts/{id}']).toBeUndefined();
	});

	it('treats empty mapped values as not given: a blank form field keeps the stored value', async () => {
		await field('externalCrmId', 'TEXT');
		const vip = await label('VIP');
		const ada = await contact({
			name: { first: 'Ada', last: 'Lovelace' },
			company: 'AE',
			emails: { items: [{ email: 'ada@example.com' }] },
			labelKeys: { items: [vip.key] },
			extendedFields: { items: { 'custom.externalcrmid': 'crm-1' } },
		});
		const { output } = await run({
			operation: 'upsert',
			contactFields: { email: 'ada@example.com', firstName: 'Augusta', lastName: '', company: '  ', labels: '', phone: '', customFields: { field: [{ key: 'externalCrmId', value: '' }] } },
		});
		expect(output[0].json).toMatchObject({ action: 'updated', contactId: ada.id });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${ada.id}`)).body.contact;
		expect(stored.info).toMatchObject({ name: { first: 'Augusta', last: 'Lovelace' }, company: 'AE', labelKeys: { items: [vip.key] } });
		expect(stored.info.extendedFields.items['custom.externalcrmid']).toBe('crm-1');
	});

	it('does not create a duplicate when the same email comes twice in one run', async () => {
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ items: [{ email: 'twice@example.com', firstName: 'One' }, { email: 'twice@example.com', lastName: 'Two' }] },
		);
		expect(output.map((o) => o.json.action)).toEqual(['created', 'updated']);
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts).toHaveLength(1);
		expect(state.contacts[0].info.name).toEqual({ first: 'One', last: 'Two' });
	});

	it('matches on an external ID custom field after email and phone, and never overwrites other fields', async () => {
		await field('externalCrmId', 'TEXT');
		const known = await contact({ name: { first: 'Known' }, extendedFields: { items: { 'custom.externalcrmid': 'crm-42' } } });
		const { output } = await run({
			operation: 'upsert',
			contactFields: { lastName: 'Smith', customFields: { field: [{ key: 'externalCrmId', value: 'crm-42' }] } },
			options: { externalIdField: 'externalCrmId' },
		});
		expect(output[0].json).toMatchObject({ action: 'updated', contactId: known.id, info: { name: { first: 'Known', last: 'Smith' } } });
	});

	it('refuses an item with nothing to match on, and a member’s email change, without stopping the others', async () => {
		const member = await contact({ name: { first: 'M' }, emails: { items: [{ email: 'member@example.com' }] }, phones: { items: [{ phone: '+15557770000' }] } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ continueOnFail: true, items: [{ firstName: 'Nobody' }, { phone: '+15557770000', email: 'other@example.com' }, { email: 'ok@example.com' }] },
		);
		expect(output[0].json.error).toMatch(/needs an Email or a Phone/);
		expect(output[1].json).toMatchObject({ code: 'CANNOT_UPDATE_MEMBER_EMAIL' });
		expect(output[2].json.action).toBe('created');
	});

	it('turns a failed look-up into one error item per item with Continue On Fail, and writes nothing', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 400, times: 1, pathPrefix: '/contacts/v4/contacts/query' });
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ continueOnFail: true, items: [{ email: 'a@example.com' }, { email: 'b@example.com' }] },
		);
		expect(output.map((o) => [o.json.httpCode, o.pairedItem])).toEqual([
			['400', { item: 0 }],
			['400', { item: 1 }],
		]);
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(0);
	});

	it('without Continue On Fail, stops at the first failed item and writes nothing after it', async () => {
		const error = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ items: [{ email: 'first@example.com' }, { firstName: 'Nothing to match on' }, { email: 'third@example.com' }] },
		).catch((e) => e);
		expect(error.message).toMatch(/needs an Email or a Phone/);
		expect(error.context.itemIndex).toBe(1);
		const emails = ((await admin(sandbox, 'GET', '/state')).contacts as any[]).map((c) => c.primaryInfo?.email);
		expect(emails).toEqual(['first@example.com']);
	});

	it('creates no label for an item it then refuses', async () => {
		await field('externalCrmId', 'TEXT');
		const { output } = await run(
			{ operation: 'upsert', contactFields: { firstName: 'No key', labels: ['Brand New'] }, options: { createMissingLabels: true, externalIdField: 'externalCrmId' } },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/needs an Email or a Phone/);
		const labels = (await wix(sandbox, 'GET', '/contacts/v4/labels')).body.labels as Array<{ displayName: string }>;
		expect(labels.map((l) => l.displayName)).not.toContain('Brand New');
	});

	it('retries a stale revision with a fresh read', async () => {
		const c = await contact({ emails: { items: [{ email: 'race@example.com' }] } });
		await admin(sandbox, 'POST', '/faults', { kind: 'concurrentUpdate', method: 'PATCH', times: 1, info: { company: 'Theirs' } });
		const { output } = await run({ operation: 'upsert', contactFields: { email: 'race@example.com', jobTitle: 'Ours' } });
		expect(output[0].json).toMatchObject({ action: 'updated', contactId: c.id, info: { company: 'Theirs', jobTitle: 'Ours' } });
	});

	it('costs about one write per item plus one look-up per 100 items', async () => {
		const existing = Array.from({ length: 150 }, (_, k) => ({ info: { emails: { items: [{ email: `old${k}@example.com` }] } } }));
		for (const e of existing) await wix(sandbox, 'POST', '/contacts/v4/contacts', e);
		await admin(sandbox, 'DELETE', '/requests');
		const items = Array.from({ length: 300 }, (_, k) => ({ email: k % 2 === 0 ? `old${k / 2}@example.com` : `new${k}@example.com`, firstName: `F${k}` }));
		const { output } = await run({ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item }, { items });
		expect(output.filter((o) => o.json.action === 'updated')).toHaveLength(150);
		expect(output.filter((o) => o.json.action === 'created')).toHaveLength(150);
		const { total, counts: byEndpoint } = await admin(sandbox, 'GET', '/counts');
		expect(byEndpoint['POST /contacts/v4/contacts/query']).toBe(3);
		expect(total).toBe(303);
		expect(total / 300).toBeLessThanOrEqual(1.02);
	});
});

describe('Contact: Get by email, Merge, labels', () => {
	it('gets a contact by email and says so when none has it', async () => {
		const c = await contact({ name: { first: 'E' }, emails: { items: [{ email: 'find@example.com' }] } });
		const { output } = await run({ operation: 'get', contactId: rl('FIND@example.com', 'email') });
		expect(output[0].json.id).toBe(c.id);
		await expect(run({ operation: 'get', contactId: rl('nobody@example.com', 'email') })).rejects.toThrow(/No contact has the email nobody@example.com/);
	});

	it('merges sources into the target, and refuses a member as source with Wix’s reason', async () => {
		const target = await contact({ name: { first: 'T' }, emails: { items: [{ email: 't@x.co' }] } });
		const source = await contact({ name: { first: 'S' }, company: 'From Source', emails: { items: [{ email: 's@x.co' }] } });
		const { output } = await run({ operation: 'merge', contactId: rl(target.id), sourceContactIds: source.id });
		expect(output[0].json).toMatchObject({ id: target.id, mergedContactIds: [source.id], info: { company: 'From Source', name: { first: 'T' } } });
		const member = await contact({ name: { first: 'M' } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		await expect(run({ operation: 'merge', contactId: rl(target.id), sourceContactIds: member.id })).rejects.toThrow(/can only be a merge target.*FAILED_PRECONDITION/);
		await expect(run({ operation: 'merge', contactId: rl(target.id), sourceContactIds: 'a,b,c,d,e,f' })).rejects.toThrow(/1 to 5 contacts, got 6/);
	});

	it('adds and removes labels by name, creating missing ones when asked', async () => {
		const c = await contact({ name: { first: 'L' } });
		await label('VIP');
		const added = await run({ operation: 'addLabels', contactId: rl(c.id), labels: ['VIP', 'Fresh'], options: { createMissingLabels: true } });
		expect(added.output[0].json.info).toMatchObject({ labelKeys: { items: ['custom.vip', 'custom.fresh'] } });
		const removed = await run({ operation: 'removeLabels', contactId: rl(c.id), labels: ['vip'] });
		expect(removed.output[0].json.info).toMatchObject({ labelKeys: { items: ['custom.fresh'] } });
		await expect(run({ operation: 'addLabels', contactId: rl(c.id), labels: ['Unknown'] })).rejects.toThrow(/Label "Unknown" does not exist/);
	});

	it('passes Wix’s refusal of more than 100 label keys', async () => {
		const c = await contact({ name: { first: 'L' } });
		const many = Array.from({ length: 101 }, (_, k) => `L${k}`);
		await expect(run({ operation: 'addLabels', contactId: rl(c.id), labels: many, options: { createMissingLabels: true } })).rejects.toThrow(/labelKeys.*1 to 100/);
	});
});

describe('Label and Custom Field resources', () => {
	it('finds or creates, lists, renames and deletes labels', async () => {
		const r = (parameters: Record<string, unknown>) => runNode({ node, parameters: { resource: 'label', ...parameters }, credentials: apiKeyCredentials(sandbox) });
		const created = (await r({ operation: 'findOrCreate', displayName: 'Hot Lead' })).output[0].json;
		expect(created).toMatchObject({ key: 'custom.hot-lead', created: true });
		expect((await r({ operation: 'findOrCreate', displayName: 'Hot Lead' })).output[0].json.created).toBe(false);
		expect((await r({ operation: 'rename', key: 'custom.hot-lead', newDisplayName: 'Warm Lead' })).output[0].json).toMatchObject({ key: 'custom.hot-lead', displayName: 'Warm Lead' });
		const listed = (await r({ operation: 'getAll', returnAll: true })).output.map((o) => o.json.displayName);
		expect(listed).toEqual(expect.arrayContaining(['Warm Lead', 'Contacted Me']));
		expect((await r({ operation: 'delete', key: 'custom.hot-lead' })).output[0].json).toEqual({ deleted: true, key: 'custom.hot-lead' });
		await expect(r({ operation: 'delete', key: 'custom.hot-lead' })).rejects.toThrow(/LABEL_NOT_FOUND/);
	});

	it('finds or creates typed custom fields and lists system and user-defined ones', async () => {
		const r = (parameters: Record<string, unknown>) => runNode({ node, parameters: { resource: 'customField', ...parameters }, credentials: apiKeyCredentials(sandbox) });
		expect((await r({ operation: 'findOrCreate', displayName: 'externalCrmId', dataType: 'TEXT' })).output[0].json).toMatchObject({ key: 'custom.externalcrmid', dataType: 'TEXT', created: true });
		const user = (await r({ operation: 'getAll', returnAll: true, fieldType: 'USER_DEFINED' })).output.map((o) => o.json.key);
		expect(user).toEqual(['custom.externalcrmid']);
		const system = (await r({ operation: 'getAll', returnAll: true, fieldType: 'SYSTEM' })).output.map((o) => o.json.key);
		expect(system).toContain('emailSubscriptions.subscriptionStatus');
		await expect(r({ operation: 'delete', key: 'emailSubscriptions.subscriptionStatus' })).rejects.toThrow(/system field/);
	});
});

describe('Email Subscription resource', () => {
	const r = (parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) =>
		runNode({ node, parameters: { resource: 'emailSubscription', ...parameters }, credentials: apiKeyCredentials(sandbox), ...extra });

	it('upserts one, bulk-upserts 100 per request with per-item errors, and reads them back', async () => {
		const c = await contact({ emails: { items: [{ email: 'sub@example.com' }] } });
		expect((await r({ operation: 'upsert', email: 'sub@example.com', subscriptionStatus: 'SUBSCRIBED' })).output[0].json).toMatchObject({ email: 'sub@example.com', subscriptionStatus: 'SUBSCRIBED' });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
		expect(stored.info.extendedFields.items['emailSubscriptions.subscriptionStatus']).toBe('SUBSCRIBED');

		await admin(sandbox, 'DELETE', '/requests');
		const items = Array.from({ length: 150 }, (_, k) => ({ email: k === 7 ? 'broken' : `bulk${k}@example.com` }));
		const bulk = await r({ operation: 'bulkUpsert', email: (_: number, item: IDataObject) => item.email, subscriptionStatus: 'UNSUBSCRIBED' }, { items, continueOnFail: true });
		expect(bulk.output).toHaveLength(150);
		expect(bulk.output[7].json.error).toMatch(/email must be a valid email/);
		expect(bulk.output[8].json).toMatchObject({ email: 'bulk8@example.com', subscriptionStatus: 'UNSUBSCRIBED' });
		expect((await counts())['POST /email-marketing/v1/email-subscriptions/bulk']).toBe(2);

		const got = await r({ operation: 'getAll', emails: 'sub@example.com, bulk1@example.com, unknown@example.com' });
		expect(got.output.map((o) => [o.json.email, o.json.subscriptionStatus])).toEqual([
			['sub@example.com', 'SUBSCRIBED'],
			['bulk1@example.com', 'UNSUBSCRIBED'],
		]);
	});

	it('lets Get Many find only SUBSCRIBED contacts', async () => {
		await contact({ emails: { items: [{ email: 'yes@example.com' }] } });
		await contact({ emails: { items: [{ email: 'no@example.com' }] } });
		await r({ operation: 'upsert', email: 'yes@example.com', subscriptionStatus: 'SUBSCRIBED' });
		await r({ operation: 'upsert', email: 'no@example.com', subscriptionStatus: 'UNSUBSCRIBED' });
		const { output } = await run({ operation: 'getAll', returnAll: true, filters: { subscriptionStatus: ['SUBSCRIBED'] }, options: { fields: ['primaryInfo', 'info.labelKeys', 'info.extendedFields'] } });
		expect(output.map((o: any) => o.json.primaryInfo.email)).toEqual(['yes@example.com']);
		expect(Object.keys(output[0].json).sort()).toEqual(['id', 'info', 'primaryInfo', 'revision']);
	});
});

describe('Contact: Send Triggered Email', () => {
	const backend = () => ({ siteUrl: sandbox.url, secret: sandbox.creds.siteSecret });

	it('asks the site backend to send the email with string variables', async () => {
		const c = await contact({ name: { first: 'Ada' }, emails: { items: [{ email: 'ada@example.com' }] } });
		const { output } = await runNode({
			node,
			parameters: { resource: 'contact', operation: 'sendTriggeredEmail', contactId: rl(c.id), emailId: 'RgTH5Xp', variables: { variable: [{ name: 'firstName', value: 'Ada' }, { name: 'points', value: 120 }] } },
			credentials: apiKeyCredentials(sandbox),
			extraCredentials: { wixSiteBackendApi: backend() },
		});
		expect(output[0].json).toMatchObject({ contactId: c.id, emailId: 'RgTH5Xp', sent: true });
		expect((await admin(sandbox, 'GET', '/emails')).emails).toEqual([expect.objectContaining({ emailId: 'RgTH5Xp', contactId: c.id, variables: { firstName: 'Ada', points: '120' } })]);
	});

	it('fails clearly on a wrong secret or an unknown contact', async () => {
		const c = await contact({ name: { first: 'Ada' }, emails: { items: [{ email: 'ada@example.com' }] } });
		const params = { resource: 'contact', operation: 'sendTriggeredEmail', emailId: 'X' };
		await expect(
			runNode({ node, parameters: { ...params, contactId: rl(c.id) }, credentials: apiKeyCredentials(sandbox), extraCredentials: { wixSiteBackendApi: { ...backend(), secret: 'wrong' } } }),
		).rejects.toThrow(/shared secret.*UNAUTHENTICATED/);
		await expect(
			runNode({ node, parameters: { ...params, contactId: rl('00000000-0000-4000-8000-000000000000') }, credentials: apiKeyCredentials(sandbox), extraCredentials: { wixSiteBackendApi: backend() } }),
		).rejects.toThrow(/CONTACT_NOT_FOUND/);
	});
});
