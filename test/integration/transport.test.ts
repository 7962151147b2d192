// The transport against a misbehaving Wix: retries, resets, timeouts, throttling, through the Wix Contacts node.
import type { IDataObject } from 'n8n-workflow';

import { contactsNode, rl } from '../helpers/contactsNode';
import { admin, useTestSandbox } from '../helpers/sandbox';

const sandbox = useTestSandbox();
const { run } = contactsNode(sandbox);

describe('transport against a misbehaving Wix', () => {
	it('retries 500 twice, then succeeds', async () => {
		await admin(sandbox, 'POST', '/faults', {
			kind: 'status',
			status: 500,
			times: 2,
			pathPrefix: '/contacts/v4/contacts',
		});
		const { output } = await run({ operation: 'create', contactFields: { firstName: 'Retry' } });
		expect(output[0].json.info).toMatchObject({ name: { first: 'Retry' } });
		const { requests } = await admin(sandbox, 'GET', '/requests');
		const creates = requests.filter((r: any) => r.endpoint === 'POST /contacts/v4/contacts');
		expect(creates.map((r: any) => r.status)).toEqual([500, 500, 200]);
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
