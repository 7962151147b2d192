/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Contact → Create or Update: matching by email, phone and external ID, batched look-ups, per-item errors.
import type { IDataObject } from 'n8n-workflow';

import { contactsNode } from '../../helpers/contactsNode';
import { admin, apiKeyCredentials, wix, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { run, contact, field, label, counts } = contactsNode(sandbox);

describe('Contact: Create or Update', () => {
	it('updates the contact with the email, creates the rest, keeps what is not given', async () => {
		const ada = await contact({
			name: { first: 'Ada', last: 'Lovelace' },
			company: 'AE',
			emails: { items: [{ email: 'ada@example.com' }] },
		});
		const byPhone = await contact({
			name: { first: 'Grace' },
			phones: { items: [{ phone: '+15550001111' }] },
		});
		await admin(sandbox, 'DELETE', '/requests');
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{
				items: [
					{ email: 'ADA@example.com', jobTitle: 'Countess' },
					{ phone: '+15550001111', lastName: 'Hopper' },
					{ email: 'new@example.com', firstName: 'New' },
				],
			},
		);
		expect(output.map((o) => [o.json.action, o.json.contactId])).toEqual([
			['updated', ada.id],
			['updated', byPhone.id],
			['created', expect.any(String)],
		]);
		expect(output[0].json.info).toMatchObject({
			name: { first: 'Ada', last: 'Lovelace' },
			company: 'AE',
			jobTitle: 'Countess',
		});
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
			contactFields: {
				email: 'ada@example.com',
				firstName: 'Augusta',
				lastName: '',
				company: '  ',
				labels: '',
				phone: '',
				customFields: { field: [{ key: 'externalCrmId', value: '' }] },
			},
		});
		expect(output[0].json).toMatchObject({ action: 'updated', contactId: ada.id });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${ada.id}`)).body.contact;
		expect(stored.info).toMatchObject({
			name: { first: 'Augusta', last: 'Lovelace' },
			company: 'AE',
			labelKeys: { items: [vip.key] },
		});
		expect(stored.info.extendedFields.items['custom.externalcrmid']).toBe('crm-1');
	});

	it('does not create a duplicate when the same email comes twice in one run', async () => {
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{
				items: [
					{ email: 'twice@example.com', firstName: 'One' },
					{ email: 'twice@example.com', lastName: 'Two' },
				],
			},
		);
		expect(output.map((o) => o.json.action)).toEqual(['created', 'updated']);
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts).toHaveLength(1);
		expect(state.contacts[0].info.name).toEqual({ first: 'One', last: 'Two' });
	});

	it('matches on an external ID custom field after email and phone, and never overwrites other fields', async () => {
		await field('externalCrmId', 'TEXT');
		const known = await contact({
			name: { first: 'Known' },
			extendedFields: { items: { 'custom.externalcrmid': 'crm-42' } },
		});
		const { output } = await run({
			operation: 'upsert',
			contactFields: {
				lastName: 'Smith',
				customFields: { field: [{ key: 'externalCrmId', value: 'crm-42' }] },
			},
			options: { externalIdField: 'externalCrmId' },
		});
		expect(output[0].json).toMatchObject({
			action: 'updated',
			contactId: known.id,
			info: { name: { first: 'Known', last: 'Smith' } },
		});
	});

	it('refuses an item with nothing to match on, and a member’s email change, without stopping the others', async () => {
		const member = await contact({
			name: { first: 'M' },
			emails: { items: [{ email: 'member@example.com' }] },
			phones: { items: [{ phone: '+15557770000' }] },
		});
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{
				continueOnFail: true,
				items: [
					{ firstName: 'Nobody' },
					{ phone: '+15557770000', email: 'other@example.com' },
					{ email: 'ok@example.com' },
				],
			},
		);
		expect(output[0].json.error).toMatch(/needs an Email or a Phone/);
		expect(output[1].json).toMatchObject({ code: 'CANNOT_UPDATE_MEMBER_EMAIL' });
		expect(output[2].json.action).toBe('created');
	});

	it('turns a failed look-up into one error item per item with Continue On Fail, and writes nothing', async () => {
		await admin(sandbox, 'POST', '/faults', {
			kind: 'status',
			status: 400,
			times: 1,
			pathPrefix: '/contacts/v4/contacts/query',
		});
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
			{
				items: [
					{ email: 'first@example.com' },
					{ firstName: 'Nothing to match on' },
					{ email: 'third@example.com' },
				],
			},
		).catch((e) => e);
		expect(error.message).toMatch(/needs an Email or a Phone/);
		expect(error.context.itemIndex).toBe(1);
		const emails = ((await admin(sandbox, 'GET', '/state')).contacts as any[]).map(
			(c) => c.primaryInfo?.email,
		);
		expect(emails).toEqual(['first@example.com']);
	});

	it('writes items about different contacts side by side, and items about one contact in input order', async () => {
		const known = await contact({
			name: { first: 'Known' },
			emails: { items: [{ email: 'known@example.com' }] },
		});
		const items: IDataObject[] = Array.from({ length: 14 }, (_, k) => ({
			email: `new${k}@example.com`,
		}));
		items[2] = { email: 'known@example.com', jobTitle: 'v2' };
		items[6] = { email: 'KNOWN@example.com', jobTitle: 'v6' };
		items[13] = { email: 'known@example.com', jobTitle: 'v13' };
		items[4] = { email: 'twice@example.com', firstName: 'First' };
		items[9] = { email: 'twice@example.com', lastName: 'Second' };
		await admin(sandbox, 'POST', '/config', { latencyMs: 40 });
		await admin(sandbox, 'DELETE', '/requests');
		try {
			const { output } = await run(
				{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
				// Paced at 200 per minute: five items at once.
				{ items, credentials: apiKeyCredentials(sandbox, { requestsPerMinute: 200 }) },
			);
			expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			expect(output[13].json).toMatchObject({ action: 'updated', contactId: known.id });
			expect(output[9].json).toMatchObject({
				action: 'updated',
				contactId: output[4].json.contactId,
			});
		} finally {
			await admin(sandbox, 'POST', '/config', { latencyMs: 0 });
		}
		const { mostInFlight } = await admin(sandbox, 'GET', '/counts');
		expect(mostInFlight).toBeGreaterThan(1);
		expect(mostInFlight).toBeLessThanOrEqual(5);
		const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
		// The known contact, nine new ones and one for the email given twice.
		expect(contacts).toHaveLength(1 + 9 + 1);
		expect(contacts.find((c) => c.id === known.id).info.jobTitle).toBe('v13');
		expect(contacts.find((c) => c.primaryInfo?.email === 'twice@example.com').info.name).toEqual({
			first: 'First',
			last: 'Second',
		});
	});

	it('without Continue On Fail, starts no write after one Wix refused; at most the few under way finish', async () => {
		const member = await contact({
			name: { first: 'Member' },
			emails: { items: [{ email: 'member@example.com' }] },
			phones: { items: [{ phone: '+15550002222' }] },
		});
		await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
		const items: IDataObject[] = Array.from({ length: 20 }, (_, k) => ({
			email: `item${k}@example.com`,
		}));
		// Matched by phone, it would change a member's email, which Wix refuses.
		items[3] = { phone: '+15550002222', email: 'other@example.com' };
		const error = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ items, credentials: apiKeyCredentials(sandbox, { requestsPerMinute: 200 }) },
		).catch((e) => e);
		expect(error.context.itemIndex).toBe(3);
		expect(error.message).toMatch(/CANNOT_UPDATE_MEMBER_EMAIL/);
		const emails = ((await admin(sandbox, 'GET', '/state')).contacts as any[]).map(
			(c) => c.primaryInfo?.email,
		);
		for (const k of [0, 1, 2]) expect(emails).toContain(`item${k}@example.com`);
		const after = emails.filter((e) => /^item\d+@/.test(e) && Number(e.slice(4, -12)) > 3);
		expect(after.length).toBeLessThan(5);
	});

	it('creates no label for an item it then refuses', async () => {
		await field('externalCrmId', 'TEXT');
		const { output } = await run(
			{
				operation: 'upsert',
				contactFields: { firstName: 'No key', labels: ['Brand New'] },
				options: { createMissingLabels: true, externalIdField: 'externalCrmId' },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/needs an Email or a Phone/);
		const labels = (await wix(sandbox, 'GET', '/contacts/v4/labels')).body.labels as Array<{
			displayName: string;
		}>;
		expect(labels.map((l) => l.displayName)).not.toContain('Brand New');
	});

	it('retries a stale revision with a fresh read', async () => {
		const c = await contact({ emails: { items: [{ email: 'race@example.com' }] } });
		await admin(sandbox, 'POST', '/faults', {
			kind: 'concurrentUpdate',
			method: 'PATCH',
			times: 1,
			info: { company: 'Theirs' },
		});
		const { output } = await run({
			operation: 'upsert',
			contactFields: { email: 'race@example.com', jobTitle: 'Ours' },
		});
		expect(output[0].json).toMatchObject({
			action: 'updated',
			contactId: c.id,
			info: { company: 'Theirs', jobTitle: 'Ours' },
		});
	});

	it('costs about one write per item plus one look-up per 100 items', async () => {
		const existing = Array.from({ length: 150 }, (_, k) => ({
			info: { emails: { items: [{ email: `old${k}@example.com` }] } },
		}));
		for (const e of existing) await wix(sandbox, 'POST', '/contacts/v4/contacts', e);
		await admin(sandbox, 'DELETE', '/requests');
		const items = Array.from({ length: 300 }, (_, k) => ({
			email: k % 2 === 0 ? `old${k / 2}@example.com` : `new${k}@example.com`,
			firstName: `F${k}`,
		}));
		const { output } = await run(
			{ operation: 'upsert', contactFields: (_: number, item: IDataObject) => item },
			{ items },
		);
		expect(output.filter((o) => o.json.action === 'updated')).toHaveLength(150);
		expect(output.filter((o) => o.json.action === 'created')).toHaveLength(150);
		const { total, counts: byEndpoint } = await admin(sandbox, 'GET', '/counts');
		expect(byEndpoint['POST /contacts/v4/contacts/query']).toBe(3);
		// 300 writes, 3 look-ups, and once per site the sync-mark field: listed, then created.
		expect(total).toBe(305);
		expect(total / 300).toBeLessThanOrEqual(1.02);
	});
});
