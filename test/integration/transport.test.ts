/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The transport against a misbehaving Wix: retries, resets, timeouts, throttling, through the Wix Contacts node.
import type { IDataObject } from 'n8n-workflow';

import { contactsNode, rl } from '../helpers/contactsNode';
import { admin, useTestSandbox, wix } from '../helpers/sandbox';

const sandbox = useTestSandbox();
const { run } = contactsNode(sandbox);

describe('transport against a misbehaving Wix', () => {
	it('retries 500 twice, then succeeds', async () => {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Retry' } } });
		await admin(sandbox, 'POST', '/faults', {
			kind: 'status',
			status: 500,
			times: 2,
			pathPrefix: '/contacts/v4/contacts/query',
		});
		await admin(sandbox, 'DELETE', '/requests');
		const { output } = await run({ operation: 'getAll', limit: 5 });
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
		await expect(run({ operation: 'create', contactFields: { firstName: 'X' } })).rejects.toThrow(
			/400|INVALID_ARGUMENT/,
		);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(1);
	});

	it('rides out a 429 storm (every other request throttled) and creates every contact once', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 429, every: 2 });
		const items = Array.from({ length: 12 }, (_, k) => ({ first: `Storm${k}` }));
		const { output } = await run(
			{
				operation: 'create',
				contactFields: (_: number, item: IDataObject) => ({ firstName: item.first }),
			},
			{ items },
		);
		expect(output).toHaveLength(12);
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.contacts).toHaveLength(12);
		const statuses = (await admin(sandbox, 'GET', '/requests')).requests.map((r: any) => r.status);
		expect(statuses.filter((s: number) => s === 429).length).toBeGreaterThanOrEqual(11);
	});

	it('gives up after the bounded number of attempts and says so', async () => {
		await admin(sandbox, 'POST', '/faults', { kind: 'status', status: 503 });
		const error = await run({
			operation: 'get',
			contactId: rl('00000000-0000-4000-8000-000000000000'),
		}).catch((e) => e);
		expect(error.httpCode).toBe('503');
		expect(error.description).toMatch(/tried 5 times/);
		expect((await admin(sandbox, 'GET', '/counts')).total).toBe(5);
	}, 60000);
});

describe('writes whose answer was lost after Wix saved them have the effect of one write', () => {
	const lose = (method: string, then: 'status' | 'reset' = 'status', extra: IDataObject = {}) =>
		admin(sandbox, 'POST', '/faults', {
			kind: 'lostAnswer',
			then,
			method,
			pathPrefix: '/contacts/v4/contacts',
			times: 1,
			...extra,
		});
	const contacts = async () => (await admin(sandbox, 'GET', '/state')).contacts as any[];

	it.each([
		['a name-only create answered 500', { firstName: 'Name only' }, {}, 'status'],
		[
			'a create with Allow Duplicates whose connection dropped',
			{ firstName: 'Dup', email: 'dup@example.com' },
			{ allowDuplicates: true },
			'reset',
		],
		[
			'a create with an email answered 500',
			{ firstName: 'Mail', email: 'mail@example.com' },
			{},
			'status',
		],
	] as const)('%s makes one contact and reports it', async (_, contactFields, options, then) => {
		await lose('POST', then);
		const { output } = await run({ operation: 'create', contactFields, options });
		const stored = await contacts();
		expect(stored).toHaveLength(1);
		expect(output).toHaveLength(1);
		expect(output[0].json.id).toBe(stored[0].id);
	});

	it('twelve creates, every other answer lost, make twelve contacts', async () => {
		await admin(sandbox, 'POST', '/faults', {
			kind: 'lostAnswer',
			method: 'POST',
			pathPrefix: '/contacts/v4/contacts',
			every: 2,
		});
		const items = Array.from({ length: 12 }, (_, k) => ({ first: `Lost${k}` }));
		const { output } = await run(
			{
				operation: 'create',
				contactFields: (_: number, item: IDataObject) => ({ firstName: item.first }),
			},
			{ items },
		);
		expect(output.map((o) => o.json.error)).toEqual(Array(12).fill(undefined));
		expect((await contacts()).map((c) => c.info.name.first).sort()).toEqual(
			items.map((i) => i.first).sort(),
		);
	});

	it('a delete whose answer was lost reports the contact deleted', async () => {
		const c = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Gone' } } })
		).body.contact;
		await lose('DELETE', 'reset');
		const { output } = await run({ operation: 'delete', contactId: rl(c.id) });
		expect(output[0].json).toEqual({ deleted: true, contactId: c.id });
		expect(await contacts()).toHaveLength(0);
	});

	it('any delete whose answer was lost is done, a custom field’s as well as a contact’s', async () => {
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
			displayName: 'Plan',
			dataType: 'TEXT',
		});
		await lose('DELETE', 'status', { pathPrefix: '/contacts/v4/extended-fields' });
		const { output } = await run({
			resource: 'customField',
			operation: 'delete',
			key: 'custom.plan',
		});
		expect(output[0].json).toEqual({ deleted: true, key: 'custom.plan' });
		const fields = (await wix(sandbox, 'GET', '/contacts/v4/extended-fields')).body.fields as any[];
		expect(fields.map((f) => f.key)).not.toContain('custom.plan');
	});

	it('an update whose answer was lost is written once', async () => {
		const c = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Once' } } })
		).body.contact;
		await lose('PATCH');
		const { output } = await run({
			operation: 'update',
			contactId: rl(c.id),
			updateFields: { jobTitle: 'Written once' },
		});
		const [stored] = await contacts();
		expect(stored.revision).toBe(2);
		expect(output[0].json).toMatchObject({ revision: 2, info: { jobTitle: 'Written once' } });
	});
});
