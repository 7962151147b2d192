/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Contact operations of the Wix Contacts node but Create or Update, run in-process against a sandbox over HTTP.
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/executeContext';
import { contactsNode, rl } from '../../helpers/contactsNode';
import { admin, apiKeyCredentials, wix, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { node, run, contact, field, label, counts } = contactsNode(sandbox);

describe('Contact: Create', () => {
	it('creates one contact per item with the fields given', async () => {
		const { output } = await run(
			{
				operation: 'create',
				contactFields: (i: number, item: IDataObject) => ({
					firstName: item.first,
					email: item.email,
					company: 'Analytical',
				}),
			},
			{
				items: [
					{ first: 'Ada', email: 'ada@example.com' },
					{ first: 'Grace', email: 'grace@example.com' },
				],
			},
		);
		expect(output).toHaveLength(2);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toMatchObject({
			revision: 1,
			primaryInfo: { email: 'ada@example.com' },
			info: { name: { first: 'Ada' }, company: 'Analytical' },
		});
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts.map((c: any) => c.primaryInfo.email).sort()).toEqual([
			'ada@example.com',
			'grace@example.com',
		]);
	});

	it('fails an invalid email with the field and code, and loses no other item under Continue On Fail', async () => {
		const { output } = await run(
			{
				operation: 'create',
				contactFields: (_: number, item: IDataObject) => ({ email: item.email }),
			},
			{
				items: [
					{ email: 'ok1@example.com' },
					{ email: 'not-an-email' },
					{ email: 'ok2@example.com' },
				],
				continueOnFail: true,
			},
		);
		expect(output).toHaveLength(3);
		expect(output[1].json).toMatchObject({ code: 'INVALID_ARGUMENT', httpCode: '400' });
		expect(output[1].json.error).toContain('info.emails.items[0].email');
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2].json.primaryInfo).toEqual({ email: 'ok2@example.com' });
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(2);
	});

	it('refuses a duplicate email and names the existing contact, unless duplicates are allowed', async () => {
		const existing = await contact({ emails: { items: [{ email: 'dup@example.com' }] } });
		await expect(
			run({ operation: 'create', contactFields: { email: 'DUP@example.com' } }),
		).rejects.toThrow(new RegExp(`existing contact ID: ${existing.id}.*DUPLICATE_CONTACT_EXISTS`));
		const { output } = await run({
			operation: 'create',
			contactFields: { email: 'dup@example.com' },
			options: { allowDuplicates: true },
		});
		expect(output[0].json.id).not.toBe(existing.id);
	});

	it('refuses a contact with no name, email or phone', async () => {
		await expect(
			run({ operation: 'create', contactFields: { company: 'Nobody Inc' } }),
		).rejects.toThrow(/INSUFFICIENT_CONTACT_DATA/);
	});
});

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
				addresses: {
					address: [
						{
							tag: 'HOME',
							addressLine: '1 Main St',
							city: 'Richmond',
							subdivision: 'US-ME',
							country: 'US',
						},
					],
				},
				customFields: {
					field: [
						{ key: 'Plan', value: 'Gold' },
						{ key: 'custom.lifetime-value', value: '1250.5' },
						{ key: 'Renewal Date', value: '2027-01-31' },
					],
				},
			},
		});
		expect(output[0].json.info).toMatchObject({
			labelKeys: { items: ['custom.vip', 'custom.newsletter'] },
			addresses: { items: [{ tag: 'HOME', address: { city: 'Richmond', subdivision: 'US-ME' } }] },
			extendedFields: {
				items: {
					'custom.plan': 'Gold',
					'custom.lifetime-value': 1250.5,
					'custom.renewal-date': '2027-01-31',
				},
			},
		});
	});

	it('explains a bad custom field value or unknown label before writing, per item', async () => {
		await field('Lifetime Value', 'NUMBER');
		await field('Renewal Date', 'DATE');
		const { output } = await run(
			{
				operation: 'create',
				contactFields: (i: number, item: IDataObject) => ({
					firstName: `P${i}`,
					...(item as object),
				}),
			},
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
		expect(output[0].json.error).toMatch(
			/"Lifetime Value" is a NUMBER field and "lots" is not a number/,
		);
		expect(output[1].json.error).toMatch(/"Renewal Date" is a DATE field and needs YYYY-MM-DD/);
		expect(output[2].json.error).toMatch(/Custom field "No Such Field" does not exist/);
		expect(output[3].json.error).toMatch(/Label "No Such Label" does not exist/);
		expect(output[4].json.primaryInfo).toEqual({ email: 'fine@example.com' });
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(1);
		expect((await counts())['POST /contacts/v4/contacts']).toBe(1);
	});

	it('creates missing labels when asked', async () => {
		const { output } = await run({
			operation: 'create',
			contactFields: { firstName: 'A', labels: ['Brand New'] },
			options: { createMissingLabels: true },
		});
		expect(output[0].json.info).toMatchObject({ labelKeys: { items: ['custom.brand-new'] } });
	});

	it('returns a flat contact with Simplify', async () => {
		await field('Plan', 'TEXT');
		await label('VIP');
		const { output } = await run({
			operation: 'create',
			contactFields: {
				firstName: 'Ada',
				lastName: 'L',
				email: 'ada@x.co',
				labels: ['VIP'],
				customFields: { field: [{ key: 'Plan', value: 'Gold' }] },
			},
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

describe('Contact: Get', () => {
	it('gets a contact by ID with the fieldsets asked for', async () => {
		const c = await contact({
			name: { first: 'Ada' },
			company: 'AE',
			emails: { items: [{ email: 'a@x.co' }] },
		});
		const full = await run({ operation: 'get', contactId: rl(c.id) });
		expect(full.output[0].json).toMatchObject({ id: c.id, info: { company: 'AE' } });
		const basic = await run({ operation: 'get', contactId: rl(c.id), fieldsets: ['BASIC'] });
		expect(basic.output[0].json.info).toEqual({ name: { first: 'Ada' } });
		expect(basic.requests[0].url).toContain('fieldsets=BASIC');
	});

	it('looks up an email given By ID (an expression or an AI tool argument may hold either)', async () => {
		const c = await contact({ emails: { items: [{ email: 'grace@x.co' }] } });
		const { output } = await run({ operation: 'get', contactId: rl(' Grace@X.co ') });
		expect(output[0].json).toMatchObject({ id: c.id });
	});

	it('fails a contact that does not exist with CONTACT_NOT_FOUND and a hint', async () => {
		const error = await run({
			operation: 'get',
			contactId: rl('00000000-0000-4000-8000-000000000000'),
		}).catch((e) => e);
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

	it('names the date filter it cannot read and sends nothing', async () => {
		const error = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { createdAfter: 'last tuesday' },
		}).catch((e) => e);
		expect(error.message).toBe('Created After is not a date: "last tuesday"');
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(0);
	});

	describe('Return All while other writers change the contacts', () => {
		const ids = async () =>
			((await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string }>).map((c) => c.id);
		const duringSecondPage = (change: Record<string, unknown>) =>
			admin(sandbox, 'POST', '/faults', {
				kind: 'concurrentWrites',
				pathPrefix: '/contacts/v4/contacts/query',
				every: 2,
				times: 1,
				...change,
			});

		it.each([
			['newest first', {}],
			['oldest first', { options: { sortOrder: 'ASC' } }],
			['by first name', { options: { sortField: 'info.name.first', sortOrder: 'ASC' } }],
		])('reads each contact once while 75 are created (%s)', async (_, extra) => {
			const before = await ids();
			await duringSecondPage({ create: 75 });
			const { output } = await run({ operation: 'getAll', returnAll: true, ...extra });
			const got = output.map((o) => String(o.json.id));
			expect(new Set(got).size).toBe(got.length);
			expect(got).toEqual(expect.arrayContaining(before));
			expect((await ids()).length).toBe(2375);
		});

		it.each([
			['newest', 'newest first', {}],
			['oldest', 'oldest first', { options: { sortOrder: 'ASC' } }],
		])(
			'misses none that existed throughout while the 100 %s are deleted (%s)',
			async (removeFrom, _, extra) => {
				await duringSecondPage({ remove: 100, removeFrom });
				const { output } = await run({ operation: 'getAll', returnAll: true, ...extra });
				const got = output.map((o) => String(o.json.id));
				const survivors = await ids();
				expect(survivors).toHaveLength(2200);
				expect(new Set(got).size).toBe(got.length);
				expect(got).toEqual(expect.arrayContaining(survivors));
			},
		);
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
		const error = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { rawFilter: '{"info.name.first": ' },
		}).catch((e) => e);
		expect(error.message).toMatch(/Raw Filter \(JSON\) is not valid JSON/);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(0);
	});

	it('refuses a filter on a field Wix cannot filter before any request', async () => {
		const error = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { rawFilter: '{"info.nickname": "x"}' },
		}).catch((e) => e);
		expect(error.message).toMatch(/Wix cannot filter contacts on "info.nickname"/);
		const unsupported = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { rawFilter: '{"createdDate": {"$startsWith": "2024"}}' },
		}).catch((e) => e);
		expect(unsupported.message).toMatch(/does not support \$startsWith on "createdDate"/);
		expect(
			(await admin(sandbox, 'GET', '/counts')).counts['POST /contacts/v4/contacts/query'],
		).toBeUndefined();
	});

	it('passes what only Wix can judge through with Wix’s code', async () => {
		await expect(
			run({
				operation: 'getAll',
				returnAll: true,
				filters: { rawFilter: '{"id": {"$in": "not-a-list"}}' },
			}),
		).rejects.toThrow(/UNSUPPORTED_FILTER_VALUE_TYPE/);
	});
});

describe('Contact: Update', () => {
	it('with Continue On Fail, runs items side by side, yet one contact’s items in order, each paired with its input', async () => {
		const a = await contact({ name: { first: 'A' } });
		const b = await contact({ name: { first: 'B' } });
		const items = [
			{ id: a.id, title: 'A1' },
			{ id: b.id, title: 'B1' },
			{ id: a.id, title: 'A2' },
			{ id: '00000000-0000-4000-8000-000000000000', title: 'Nobody' },
			{ id: a.id, title: 'A3' },
			{ id: b.id, title: 'B2' },
		];
		const { output } = await run(
			{
				operation: 'update',
				contactId: (_: number, item: IDataObject) => rl(String(item.id)),
				updateFields: (_: number, item: IDataObject) => ({ jobTitle: item.title }),
			},
			{ items, continueOnFail: true },
		);
		expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(
			output.map((o) => (o.json.error ? 'error' : (o.json.info as IDataObject).jobTitle)),
		).toEqual(['A1', 'B1', 'A2', 'error', 'A3', 'B2']);
		const stored = async (id: string) =>
			(await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
		expect((await stored(a.id)).info.jobTitle).toBe('A3');
		expect((await stored(b.id)).info.jobTitle).toBe('B2');
	});

	it('changes only the given fields, keeps secondary emails and custom fields', async () => {
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
			displayName: 'Plan',
			dataType: 'TEXT',
		});
		const c = await contact({
			name: { first: 'Ada', last: 'Lovelace' },
			emails: { items: [{ email: 'ada@old.com', primary: true }, { email: 'ada@work.com' }] },
			extendedFields: { items: { 'custom.plan': 'Gold' } },
		});
		const { output } = await run({
			operation: 'update',
			contactId: rl(c.id),
			updateFields: { email: 'ada@new.com', jobTitle: 'Countess' },
		});
		expect(output[0].json).toMatchObject({ revision: 2, primaryInfo: { email: 'ada@new.com' } });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
		expect(stored.info.emails.items.map((e: any) => e.email)).toEqual([
			'ada@new.com',
			'ada@work.com',
		]);
		expect(stored.info.name).toEqual({ first: 'Ada', last: 'Lovelace' });
		expect(stored.info.jobTitle).toBe('Countess');
		expect(stored.info.extendedFields.items['custom.plan']).toBe('Gold');
	});

	it('retries with the fresh revision when another writer got there first, losing neither write', async () => {
		const c = await contact({ name: { first: 'Ada' } });
		// Another writer's update lands between the node's read and its write, so the first PATCH is stale.
		await admin(sandbox, 'POST', '/faults', {
			kind: 'concurrentUpdate',
			method: 'PATCH',
			times: 1,
			info: { jobTitle: 'Theirs' },
		});
		await admin(sandbox, 'DELETE', '/requests');
		const { output, requests } = await run({
			operation: 'update',
			contactId: rl(c.id),
			updateFields: { company: 'Ours' },
		});
		expect(output[0].json).toMatchObject({
			revision: 3,
			info: { company: 'Ours', jobTitle: 'Theirs' },
		});
		// Contact requests only: the first write on a site also lists and creates the sync-mark field.
		const onContacts = (r: { url?: string; path?: string }) =>
			String(r.url ?? r.path).includes('/contacts/v4/contacts');
		expect(requests.filter(onContacts).map((r) => r.method)).toEqual([
			'GET',
			'PATCH',
			'GET',
			'PATCH',
		]);
		const log = (await admin(sandbox, 'GET', '/requests')).requests
			.filter(onContacts)
			.map((r: any) => r.status);
		expect(log).toEqual([200, 409, 200, 200]);
	});

	it('gives up on a contact that keeps changing, with CONTACT_ALREADY_CHANGED', async () => {
		const c = await contact({ name: { first: 'Ada' } });
		await admin(sandbox, 'POST', '/faults', {
			kind: 'concurrentUpdate',
			method: 'PATCH',
			info: { jobTitle: 'Busy' },
		});
		await expect(
			run({ operation: 'update', contactId: rl(c.id), updateFields: { company: 'Ours' } }),
		).rejects.toThrow(/CONTACT_ALREADY_CHANGED/);
	});

	it('fails an unknown contact without writing anything', async () => {
		await expect(
			run({
				operation: 'update',
				contactId: rl('00000000-0000-4000-8000-000000000000'),
				updateFields: { company: 'X' },
			}),
		).rejects.toThrow(/CONTACT_NOT_FOUND/);
	});
});

describe('Contact: Delete', () => {
	it('deletes, and a member’s contact fails with Wix’s reason while the other items go on', async () => {
		const a = await contact({ name: { first: 'A' } });
		const member = await contact({ name: { first: 'Member' } });
		const b = await contact({ name: { first: 'B' } });
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
		const member = await contact({ name: { first: 'Member' } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const error = await run({ operation: 'delete', contactId: rl(member.id) }).catch((e) => e);
		expect(error.message).toMatch(/site member.*CANNOT_DELETE_MEMBER/);
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('Contact: Get by email, Merge, labels', () => {
	it('gets a contact by email and says so when none has it', async () => {
		const c = await contact({
			name: { first: 'E' },
			emails: { items: [{ email: 'find@example.com' }] },
		});
		const { output } = await run({ operation: 'get', contactId: rl('FIND@example.com', 'email') });
		expect(output[0].json.id).toBe(c.id);
		await expect(
			run({ operation: 'get', contactId: rl('nobody@example.com', 'email') }),
		).rejects.toThrow(/No contact has the email nobody@example.com/);
	});

	it('merges sources into the target, and refuses a member as source with Wix’s reason', async () => {
		const target = await contact({
			name: { first: 'T' },
			emails: { items: [{ email: 't@x.co' }] },
		});
		const source = await contact({
			name: { first: 'S' },
			company: 'From Source',
			emails: { items: [{ email: 's@x.co' }] },
		});
		const { output } = await run({
			operation: 'merge',
			contactId: rl(target.id),
			sourceContactIds: source.id,
		});
		expect(output[0].json).toMatchObject({
			id: target.id,
			mergedContactIds: [source.id],
			info: { company: 'From Source', name: { first: 'T' } },
		});
		const member = await contact({ name: { first: 'M' } });
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		await expect(
			run({ operation: 'merge', contactId: rl(target.id), sourceContactIds: member.id }),
		).rejects.toThrow(/can only be a merge target.*FAILED_PRECONDITION/);
		await expect(
			run({ operation: 'merge', contactId: rl(target.id), sourceContactIds: 'a,b,c,d,e,f' }),
		).rejects.toThrow(/1 to 5 contacts, got 6/);
	});

	it('adds and removes labels by name, creating missing ones when asked', async () => {
		const c = await contact({ name: { first: 'L' } });
		await label('VIP');
		const added = await run({
			operation: 'addLabels',
			contactId: rl(c.id),
			labels: ['VIP', 'Fresh'],
			options: { createMissingLabels: true },
		});
		expect(added.output[0].json.info).toMatchObject({
			labelKeys: { items: ['custom.vip', 'custom.fresh'] },
		});
		const removed = await run({ operation: 'removeLabels', contactId: rl(c.id), labels: ['vip'] });
		expect(removed.output[0].json.info).toMatchObject({ labelKeys: { items: ['custom.fresh'] } });
		await expect(
			run({ operation: 'addLabels', contactId: rl(c.id), labels: ['Unknown'] }),
		).rejects.toThrow(/Label "Unknown" does not exist/);
	});

	it('passes Wix’s refusal of more than 100 label keys', async () => {
		const c = await contact({ name: { first: 'L' } });
		const many = Array.from({ length: 101 }, (_, k) => `L${k}`);
		await expect(
			run({
				operation: 'addLabels',
				contactId: rl(c.id),
				labels: many,
				options: { createMissingLabels: true },
			}),
		).rejects.toThrow(/labelKeys.*1 to 100/);
	});
});

describe('Contact: Send Triggered Email', () => {
	const backend = () => ({ siteUrl: sandbox.url, secret: sandbox.creds.siteSecret });

	it('asks the site backend to send the email with string variables', async () => {
		const c = await contact({
			name: { first: 'Ada' },
			emails: { items: [{ email: 'ada@example.com' }] },
		});
		const { output } = await runNode({
			node,
			parameters: {
				resource: 'contact',
				operation: 'sendTriggeredEmail',
				contactId: rl(c.id),
				emailId: 'RgTH5Xp',
				variables: {
					variable: [
						{ name: 'firstName', value: 'Ada' },
						{ name: 'points', value: 120 },
					],
				},
			},
			credentials: apiKeyCredentials(sandbox),
			extraCredentials: { wixSiteBackendApi: backend() },
		});
		expect(output[0].json).toMatchObject({ contactId: c.id, emailId: 'RgTH5Xp', sent: true });
		expect((await admin(sandbox, 'GET', '/emails')).emails).toEqual([
			expect.objectContaining({
				emailId: 'RgTH5Xp',
				contactId: c.id,
				variables: { firstName: 'Ada', points: '120' },
			}),
		]);
	});

	it('fails clearly on a wrong secret or an unknown contact', async () => {
		const c = await contact({
			name: { first: 'Ada' },
			emails: { items: [{ email: 'ada@example.com' }] },
		});
		const params = { resource: 'contact', operation: 'sendTriggeredEmail', emailId: 'X' };
		const wrongSecret = await runNode({
			node,
			parameters: { ...params, contactId: rl(c.id) },
			credentials: apiKeyCredentials(sandbox),
			extraCredentials: { wixSiteBackendApi: { ...backend(), secret: 'wrong' } },
		}).catch((e) => e);
		expect(wrongSecret.message).toMatch(/shared secret.*UNAUTHENTICATED/);
		// Advice about the site backend's secret, not about the API key.
		expect(wrongSecret.description).toMatch(/n8n-shared-secret in the site’s Secrets Manager/);
		await expect(
			runNode({
				node,
				parameters: { ...params, contactId: rl('00000000-0000-4000-8000-000000000000') },
				credentials: apiKeyCredentials(sandbox),
				extraCredentials: { wixSiteBackendApi: backend() },
			}),
		).rejects.toThrow(/CONTACT_NOT_FOUND/);
	});
});
