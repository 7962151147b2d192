/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The stand-in external loyalty program over HTTP: what the loyalty templates read, write and
// listen to.
import { startExternalSystems, type ExternalSystems } from '../../sandbox/external';
import { useWebhookReceiver } from '../helpers/webhookReceiver';

let systems: ExternalSystems;
beforeAll(async () => {
	systems = await startExternalSystems();
});
afterAll(async () => {
	await systems.close();
});
const receiver = useWebhookReceiver();
beforeEach(async () => {
	await call('POST', '/reset');
	await call('POST', '/loyalty/webhook', {});
});

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${systems.url}${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

const events = () => receiver.received.map((r) => JSON.parse(r.body));

describe('external loyalty program', () => {
	it('seeds N customers on request, the same ones every time, a tenth with 900–999 points', async () => {
		const seeded = await call('POST', '/loyalty/seed', { count: 200 });
		expect(seeded.body.accounts).toHaveLength(200);
		const { body } = await call('GET', '/loyalty/accounts');
		expect(body.total).toBe(200);
		expect(body.accounts[0]).toMatchObject({
			id: 'ext-0001',
			email: 'customer1@loyalty.example',
			name: expect.any(String),
			balance: expect.any(Number),
		});
		expect(new Set(body.accounts.map((a: any) => a.email)).size).toBe(200);
		const near = body.accounts.filter((a: any) => a.balance >= 900 && a.balance <= 999);
		expect(near.length).toBeGreaterThanOrEqual(20);
		const again = (await call('POST', '/loyalty/seed', { count: 200 })).body.accounts;
		expect(again.map((a: any) => [a.email, a.balance])).toEqual(
			body.accounts.map((a: any) => [a.email, a.balance]),
		);
		const page = await call('GET', '/loyalty/accounts?limit=10&offset=190');
		expect(page.body.accounts.map((a: any) => a.id)).toEqual(
			body.accounts.slice(190).map((a: any) => a.id),
		);
		const one = await call('GET', '/loyalty/accounts?email=Customer7@loyalty.example');
		expect(one.body.accounts.map((a: any) => a.id)).toEqual(['ext-0007']);
		expect((await call('GET', '/state')).body.loyaltyAccounts).toHaveLength(200);
		expect(receiver.received).toHaveLength(0);
	});

	it('creates, gets and updates balances through its API (by ID or email), refusing bad input', async () => {
		const created = await call('POST', '/loyalty/accounts', {
			email: 'Ada@Example.com',
			name: 'Ada Lovelace',
			balance: 120,
		});
		expect(created).toMatchObject({
			status: 200,
			body: { email: 'ada@example.com', name: 'Ada Lovelace', balance: 120 },
		});
		const id = created.body.id;
		expect((await call('GET', `/loyalty/accounts/${id}`)).body.balance).toBe(120);
		expect((await call('PATCH', `/loyalty/accounts/${id}`, { balance: 300 })).body.balance).toBe(
			300,
		);
		expect(
			(await call('PATCH', '/loyalty/accounts/by-email/ada%40example.com', { amount: -50 })).body
				.balance,
		).toBe(250);
		expect((await call('GET', '/loyalty/accounts/by-email/ada@example.com')).body.id).toBe(id);
		expect((await call('POST', '/loyalty/accounts', { name: 'x' })).status).toBe(422);
		expect((await call('POST', '/loyalty/accounts', { email: 'ada@example.com' })).status).toBe(
			409,
		);
		expect(
			(await call('POST', '/loyalty/accounts', { email: 'b@x.com', balance: -1 })).status,
		).toBe(422);
		expect((await call('PATCH', `/loyalty/accounts/${id}`, { balance: 1.5 })).status).toBe(422);
		expect((await call('PATCH', `/loyalty/accounts/${id}`, { amount: -251 })).status).toBe(422);
		expect((await call('GET', '/loyalty/accounts/nope')).status).toBe(404);
		expect(
			(await call('PATCH', '/loyalty/accounts/by-email/no@x.com', { balance: 1 })).status,
		).toBe(404);
		expect((await call('DELETE', `/loyalty/accounts/${id}`)).status).toBe(200);
		expect((await call('GET', `/loyalty/accounts/${id}`)).status).toBe(404);
	});

	it('announces changes made in the program, not its API writes (unless asked to echo them)', async () => {
		await call('POST', '/loyalty/webhook', { url: receiver.url });
		const api = (await call('POST', '/loyalty/accounts', { email: 'a@x.com', balance: 5 })).body;
		await call('PATCH', `/loyalty/accounts/${api.id}`, { balance: 10 });
		expect(receiver.received).toHaveLength(0);
		const ui = (
			await call('POST', '/loyalty/ui/accounts', { email: 'b@x.com', name: 'Bo', balance: 1 })
		).body;
		await call('PATCH', `/loyalty/ui/accounts/${ui.id}`, { amount: 999 });
		await call('PATCH', `/loyalty/ui/accounts/${ui.id}`, { amount: 0 });
		await call('PATCH', `/loyalty/ui/accounts/by-email/a@x.com`, { balance: 42 });
		await call('DELETE', `/loyalty/ui/accounts/${ui.id}`);
		expect(events()).toEqual([
			{ type: 'account.created', account: ui, source: 'ui' },
			{
				type: 'account.updated',
				account: expect.objectContaining({ id: ui.id, balance: 1000 }),
				previous: { balance: 1, name: 'Bo' },
				source: 'ui',
			},
			{
				type: 'account.updated',
				account: expect.objectContaining({ id: api.id, balance: 42 }),
				previous: { balance: 10, name: '' },
				source: 'ui',
			},
			{
				type: 'account.deleted',
				account: expect.objectContaining({ id: ui.id }),
				previous: { balance: 1000, name: 'Bo' },
				source: 'ui',
			},
		]);
		receiver.received.length = 0;
		await call('POST', '/loyalty/webhook', { url: receiver.url, echoApiWrites: true });
		await call('PATCH', `/loyalty/accounts/${api.id}`, { balance: 7 });
		expect(events()).toEqual([expect.objectContaining({ type: 'account.updated', source: 'api' })]);
		const state = (await call('GET', '/state')).body;
		expect(state.loyaltyDeliveries.at(-1)).toMatchObject({
			type: 'account.updated',
			accountId: api.id,
			status: 200,
		});
	});
});

describe('stand-in email service', () => {
	it('sends one message or a list, records them in order, and refuses a bad recipient or no subject', async () => {
		const one = await call('POST', '/email-service/messages', {
			to: 'Ada@Example.com',
			subject: 'Almost there',
			text: '50 points to go',
		});
		expect(one.status).toBe(200);
		expect(one.body.sent).toHaveLength(1);
		const list = await call('POST', '/email-service/messages', [
			{ to: 'b@example.com', subject: 'S' },
			{ to: 'c@example.com', subject: 'S', text: 't' },
		]);
		expect(list.body.sent).toHaveLength(2);
		expect(
			(await call('POST', '/email-service/messages', { to: 'nobody', subject: 'S' })).status,
		).toBe(422);
		expect((await call('POST', '/email-service/messages', { to: 'd@example.com' })).status).toBe(
			422,
		);
		const { body } = await call('GET', '/state');
		expect(body.messages.map((m: any) => [m.to, m.subject, m.text])).toEqual([
			['ada@example.com', 'Almost there', '50 points to go'],
			['b@example.com', 'S', ''],
			['c@example.com', 'S', 't'],
		]);
		await call('POST', '/reset');
		expect((await call('GET', '/state')).body.messages).toEqual([]);
	});
});
