/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty account events through the Wix Trigger's webhook() with the sandbox's own signed
// deliveries: Balance Crossed Threshold agrees with the Polling Trigger's "Loyalty Balance Reached
// Threshold" on one sequence of changes (the webhook side also getting a copy, an out-of-order pair
// and a drop below and rise again), and Ignore Own Writes drops the Wix Loyalty node's own points
// writes and nothing else.
import type { IDataObject } from 'n8n-workflow';

import { WixPollingTrigger } from '../../nodes/Wix/PollingTrigger/WixPollingTrigger.node';
import { WixTrigger } from '../../nodes/Wix/Trigger/WixTrigger.node';
import { runPoll, runWebhook } from '../helpers/executeContext';
import { loyaltyNodes, rl } from '../helpers/loyaltyNode';
import { admin, apiKeyCredentials, oauthCredentials, useTestSandbox } from '../helpers/sandbox';
import { signedEvents, useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const receiver = useWebhookReceiver();
const { activate, account, ok, runLoyalty } = loyaltyNodes(sandbox);
const trigger = new WixTrigger();
const polling = new WixPollingTrigger();

const THRESHOLD = 1000;
const ACCOUNT_EVENTS = [
	'wix.loyalty.v1.account_created',
	'wix.loyalty.v1.account_updated',
	'wix.loyalty.v1.account_points_updated',
	'wix.loyalty.v1.account_reward_availability_updated',
];
const pause = (ms = 5) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks', { url: receiver.url, contentType: 'text/plain' });
	await activate();
});

/** The signed bodies the sandbox sent, in the order of the changes. */
async function deliveries(): Promise<string[]> {
	await admin(sandbox, 'GET', '/webhooks/deliveries');
	const bodies = receiver.received.filter((r) => r.body.split('.').length === 3);
	const order = signedEvents(bodies, sandbox.creds.publicKey);
	// signedEvents sorts by entityEventSequence; keep the bodies in that order.
	const byId = new Map(
		bodies.map((r) => {
			const payload = JSON.parse(Buffer.from(r.body.split('.')[1], 'base64url').toString());
			return [JSON.parse(JSON.parse(payload.data).data).id as string, r.body];
		}),
	);
	return order.map((e) => byId.get(e.event.id)!);
}

async function deliver(body: string, staticData: IDataObject, options: IDataObject) {
	return await runWebhook({
		node: trigger,
		parameters: { source: 'appWebhook', events: ACCOUNT_EVENTS, triggerOptions: options },
		credentials: oauthCredentials(sandbox),
		staticData,
		body,
		workflowId: `wf-${Math.random()}`,
	});
}

const crossing = (a: IDataObject) => {
	const entity = (a.entity ?? a) as any;
	return `${String(a.entityId ?? a.id)}@${entity.revision}:${entity.points.balance}`;
};

test('Balance Crossed Threshold fires exactly where the polling trigger does, despite a copy and an out-of-order pair', async () => {
	const pollState: IDataObject = {};
	const poll = async () =>
		await runPoll({
			node: polling,
			parameters: {
				event: 'loyaltyThreshold',
				threshold: THRESHOLD,
				firstRun: 'fromNow',
				options: { settleSeconds: 0 },
			},
			credentials: apiKeyCredentials(sandbox),
			staticData: pollState,
		});
	expect(await poll()).toBeNull();
	await pause();

	const a = await account('Ada');
	const b = await account('Bob');
	const adjust = async (id: string, body: IDataObject) => {
		const current = (await ok('GET', `/loyalty-accounts/v1/accounts/${id}`)).account;
		await ok('POST', `/loyalty-accounts/v1/accounts/${id}/adjust-points`, {
			...body,
			revision: current.revision,
		});
	};
	const earn = (id: string, amount: number) =>
		ok('POST', `/loyalty-accounts/v1/accounts/${id}/earn-points`, {
			amount,
			appId: 'test',
			idempotencyKey: `${id}-${Math.random()}`,
		});
	// One change per poll: Ada 900, 1050 (crosses), 950 (drops), 1050 (crosses again), 1060;
	// Bob 1000 (crosses at exactly the threshold), 1005.
	const steps: Array<() => Promise<unknown>> = [
		() => earn(a.id, 900),
		() => adjust(a.id, { amount: 150 }),
		() => adjust(a.id, { balance: 950 }),
		() => earn(a.id, 100),
		() => earn(a.id, 10),
		() => adjust(b.id, { balance: 1000 }),
		() => earn(b.id, 5),
	];
	const polled: string[] = [];
	for (const step of [async () => undefined, ...steps]) {
		await step();
		await pause(3);
		for (const hit of (await poll()) ?? []) {
			expect(hit.threshold).toBe(THRESHOLD);
			polled.push(crossing(hit));
		}
	}
	expect(polled).toHaveLength(3);

	const bodies = await deliveries();
	// 2 creations + 7 changes × (updated, points_updated) + Ada's and Bob's reward availability.
	expect(bodies.length).toBeGreaterThanOrEqual(2 + 7 * 2);
	// What Wix may do: Ada's drop to 950 arrives after her rise back to 1050 (out of order), and
	// the last event comes twice.
	const balanceIn = (body: string): number | undefined => {
		const event = JSON.parse(
			JSON.parse(JSON.parse(Buffer.from(body.split('.')[1], 'base64url').toString()).data).data,
		);
		return event.updatedEvent?.currentEntity?.points?.balance;
	};
	const feed = [...bodies];
	const dropAt = feed.findIndex((body) => balanceIn(body) === 950);
	expect(dropAt).toBeGreaterThan(0);
	const drop = feed.splice(dropAt, 2); // its updated and points_updated
	const riseAt = feed.findIndex((body, k) => k >= dropAt && balanceIn(body) === 1050);
	expect(riseAt).toBeGreaterThanOrEqual(dropAt);
	feed.splice(riseAt + 2, 0, ...drop);
	feed.push(feed[feed.length - 1]);

	const staticData: IDataObject = {};
	const fired: string[] = [];
	for (const body of feed) {
		const { status, items } = await deliver(body, staticData, { balanceThreshold: THRESHOLD });
		expect(status).toBe(200);
		for (const item of items ?? []) {
			expect(item).toMatchObject({ threshold: THRESHOLD });
			expect(item.previousBalance as number).toBeLessThan(THRESHOLD);
			fired.push(crossing(item));
		}
	}
	expect(fired.sort()).toEqual([...polled].sort());
	// The same deliveries again (Wix's redeliveries after a restart: only the static data is left).
	for (const body of feed) {
		const { items } = await deliver(body, staticData, { balanceThreshold: THRESHOLD });
		expect(items).toBeNull();
	}
});

test('the crossing is found from the transaction at the event’s revision, whatever arrived before', async () => {
	const a = await account('Ada');
	const change = async (body: IDataObject) => {
		const current = (await ok('GET', `/loyalty-accounts/v1/accounts/${a.id}`)).account;
		await ok('POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, {
			...body,
			revision: current.revision,
		});
		await pause(2);
	};
	await change({ balance: 1200 }); // crosses
	await change({ balance: 500 });
	await change({ balance: 999 });
	const bodies = (await deliveries()).filter((b) => b.length > 0);
	// Each event judged alone, newest first and by a fresh node (no static data): only the 1200 fires.
	const fired: IDataObject[] = [];
	for (const body of [...bodies].reverse()) {
		const { items, requests } = await deliver(body, {}, { balanceThreshold: THRESHOLD });
		fired.push(...(items ?? []));
		expect(
			requests.filter((r) => r.url.includes('/loyalty-transactions/')).length,
		).toBeLessThanOrEqual(1);
	}
	expect(fired.map((i) => (i.entity as any).points.balance)).toEqual([1200, 1200]);
	expect(fired.map((i) => i.previousBalance)).toEqual([0, 0]);
	// Two events of the one change, one node: one run.
	const once: IDataObject[] = [];
	const state: IDataObject = {};
	for (const body of bodies) {
		const { items } = await deliver(body, state, { balanceThreshold: THRESHOLD });
		once.push(...(items ?? []));
	}
	expect(once).toHaveLength(1);
});

test('Ignore Own Writes drops the echoes of the Wix Loyalty node’s Adjust and Earn Points, and not a genuine change', async () => {
	const a = await account('Ada');
	await deliveries();
	receiver.received.length = 0;
	await runLoyalty({
		resource: 'account',
		operation: 'adjustPoints',
		accountId: rl(a.id),
		adjustment: 'set',
		points: 300,
	});
	await pause(2);
	await runLoyalty({
		resource: 'account',
		operation: 'earnPoints',
		accountId: rl(a.id),
		points: 20,
		options: { description: 'Spring bonus' },
	});
	const ours = await deliveries();
	expect(ours.length).toBeGreaterThanOrEqual(4);
	receiver.received.length = 0;
	// A person adjusts in the dashboard, with a description of their own.
	const current = (await ok('GET', `/loyalty-accounts/v1/accounts/${a.id}`)).account;
	await ok('POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, {
		amount: 5,
		description: 'Goodwill',
		revision: current.revision,
	});
	const theirs = await deliveries();
	expect(theirs.length).toBeGreaterThanOrEqual(2);

	const state: IDataObject = {};
	for (const body of ours) {
		const { status, items } = await deliver(body, state, { ignoreOwnWrites: true });
		expect(status).toBe(200);
		expect(items).toBeNull();
	}
	const started: IDataObject[] = [];
	for (const body of theirs) {
		const { items } = await deliver(body, state, { ignoreOwnWrites: true });
		started.push(...(items ?? []));
	}
	expect(started.map((i) => i.eventType).sort()).toEqual([
		'wix.loyalty.v1.account_points_updated',
		'wix.loyalty.v1.account_updated',
	]);
	expect(started[0]).toMatchObject({ previousBalance: 320, balance: 325 });
	// With the option off, our own writes start runs too.
	const off: IDataObject[] = [];
	for (const body of ours) {
		const { items } = await deliver(body, {}, { ignoreOwnWrites: false });
		off.push(...(items ?? []));
	}
	expect(off.length).toBe(ours.length);
	// The transactions in Wix carry the proof.
	const { loyaltyTransactions } = await ok(
		'POST',
		'/loyalty-transactions/v1/loyalty-transactions/query',
		{
			query: {
				filter: { accountId: { $eq: a.id } },
				sort: [{ fieldName: 'createdDate', order: 'ASC' }],
			},
		},
	);
	expect(loyaltyTransactions.map((t: any) => t.description)).toEqual([
		'(via n8n)',
		'Spring bonus (via n8n)',
		'Goodwill',
	]);
});

test('a change whose transactions cannot be read is answered 503 and not noted, so Wix’s redelivery runs', async () => {
	const a = await account('Ada');
	const current = (await ok('GET', `/loyalty-accounts/v1/accounts/${a.id}`)).account;
	await ok('POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, {
		balance: 1500,
		revision: current.revision,
	});
	const updated = (await deliveries()).find((body) =>
		JSON.parse(Buffer.from(body.split('.')[1], 'base64url').toString()).data.includes(
			'wix.loyalty.v1.account_updated',
		),
	)!;
	const state: IDataObject = {};
	const broken = await runWebhook({
		node: trigger,
		parameters: { source: 'appWebhook', triggerOptions: { balanceThreshold: THRESHOLD } },
		credentials: oauthCredentials(sandbox, { baseUrl: 'http://127.0.0.1:9' }),
		staticData: state,
		body: updated,
	});
	expect(broken.status).toBe(503);
	expect(broken.items).toBeNull();
	const again = await deliver(updated, state, { balanceThreshold: THRESHOLD });
	expect(again.items).toHaveLength(1);
});
