/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty and badge events in real, published n8n workflows: every loyalty account and badge event
// the sandbox sends is offered by the Wix Trigger and runs once per event despite copies, with the
// account or the badge and member where a workflow looks; Balance Crossed Threshold runs once per
// upward crossing; Ignore Own Writes drops the Wix Loyalty node's own writes and keeps a person's;
// the Automation source's loyalty triggers deliver, without the node's own points writes.
import { WIX_EVENTS } from '../../nodes/Wix/Trigger/events';
import { admin, wix } from '../helpers/sandbox';
import {
	API_KEY_CREDENTIAL,
	callWebhook,
	e2e,
	triggerKit,
	waitFor,
	webhookChain,
	unpublish,
} from './fixtures';

const { sandbox, n8n } = e2e();
const { publish, triggerNode, settled, firstItem } = triggerKit(sandbox, n8n);

const LOYALTY_AND_BADGE_EVENTS = WIX_EVENTS.map((e) => String(e.value)).filter((v) =>
	/^wix\.(loyalty|badges)\./.test(v),
);
const ACCOUNT_EVENTS = LOYALTY_AND_BADGE_EVENTS.filter((v) => v.startsWith('wix.loyalty.'));

async function ok(method: string, path: string, body?: unknown): Promise<any> {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

const contact = async (first: string) =>
	(await ok('POST', '/contacts/v4/contacts', { info: { name: { first } } })).contact.id as string;
const accountOf = async (first: string) =>
	(await ok('POST', '/loyalty-accounts/v1/accounts', { contactId: await contact(first) })).account;
/** A person's change in the dashboard: at the current revision, with their own description. */
const adjustByHand = async (id: string, body: Record<string, unknown>) => {
	const current = (await ok('GET', `/loyalty-accounts/v1/accounts/${id}`)).account;
	return await ok('POST', `/loyalty-accounts/v1/accounts/${id}/adjust-points`, {
		description: 'By hand',
		...body,
		revision: current.revision,
	});
};
const earnByHand = (id: string, amount: number) =>
	ok('POST', `/loyalty-accounts/v1/accounts/${id}/earn-points`, {
		amount,
		appId: 'shop',
		idempotencyKey: `${id}-${Math.random()}`,
	});

/** A published workflow: a Webhook node at `path` runs one Wix Loyalty operation on its body. */
async function writer(path: string, parameters: Record<string, unknown>) {
	const chain = webhookChain(path, [
		{
			name: 'Write',
			type: 'n8n-nodes-wix-crm.wixLoyalty',
			typeVersion: 1,
			parameters: { resource: 'account', ...parameters },
			credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		},
	]);
	const wf = await publish(`Loyalty writer ${path}`, chain.nodes, chain.connections);
	return {
		...wf,
		run: async (body: Record<string, unknown>) => {
			const response = await callWebhook(`${n8n.url}/webhook/${path}`, body);
			const text = await response.text();
			expect(response.status).toBe(200);
			return text;
		},
	};
}

const published: Array<{ id: string }> = [];
afterAll(async () => {
	for (const wf of published) await unpublish({ sandbox, n8n }, wf.id);
});

async function watch(name: string, parameters: Record<string, unknown>) {
	const wf = await publish(name, [triggerNode(parameters)]);
	published.push(wf);
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'text/plain' });
	return wf;
}

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 1 });
	await ok('POST', '/loyalty-programs/v1/program/activate');
});

test('every loyalty account and badge event is offered, runs once per event and carries what it is about', async () => {
	expect(LOYALTY_AND_BADGE_EVENTS.sort()).toEqual([
		'wix.badges.v3.badge_badge_assigned',
		'wix.badges.v3.badge_badge_unassigned',
		'wix.loyalty.v1.account_created',
		'wix.loyalty.v1.account_points_updated',
		'wix.loyalty.v1.account_reward_availability_updated',
		'wix.loyalty.v1.account_updated',
	]);
	const wf = await watch('Wix loyalty and badge events', { events: LOYALTY_AND_BADGE_EVENTS });
	// Every delivery twice, as Wix does when an answer is late.
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });

	const account = await accountOf('Ada');
	await earnByHand(account.id, 150);
	const member = (await admin(sandbox, 'POST', '/members', { contactId: account.contactId }))
		.member;
	const badge = (await ok('POST', '/members/v3/badges', { badge: { title: 'Gold' } })).badge;
	await ok('POST', `/members/v3/badges/${badge.id}/members`, { memberIds: [member.id] });
	await ok('DELETE', `/members/v3/badges/${badge.id}/members?memberIds=${member.id}`);

	const items = (await settled(wf.id)).map(firstItem);
	const byType = Object.fromEntries(items.map((i: any) => [i.eventType, i]));
	expect(items.map((i: any) => i.eventType).sort()).toEqual(LOYALTY_AND_BADGE_EVENTS);
	expect(byType['wix.loyalty.v1.account_created'].entity).toMatchObject({
		id: account.id,
		points: { balance: 0 },
	});
	for (const type of ['wix.loyalty.v1.account_updated', 'wix.loyalty.v1.account_points_updated'])
		expect(byType[type]).toMatchObject({
			entityId: account.id,
			entity: { id: account.id, revision: '2', points: { balance: 150 } },
			previousBalance: 0,
			balance: 150,
		});
	expect(byType['wix.loyalty.v1.account_reward_availability_updated'].entity).toEqual({
		rewardAvailable: true,
		updateTrigger: 'BALANCE_UPDATED',
	});
	for (const type of ['wix.badges.v3.badge_badge_assigned', 'wix.badges.v3.badge_badge_unassigned'])
		expect(byType[type]).toMatchObject({ badgeId: badge.id, memberId: member.id });
});

test('Balance Crossed Threshold runs once per upward crossing, with copies and a drop and rise again', async () => {
	const wf = await watch('Wix loyalty 1000 points', {
		events: ACCOUNT_EVENTS,
		triggerOptions: { balanceThreshold: 1000 },
	});
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
	const a = await accountOf('Ada');
	await earnByHand(a.id, 900);
	await adjustByHand(a.id, { amount: 150 }); // 1050: crosses
	await adjustByHand(a.id, { balance: 950 });
	await earnByHand(a.id, 100); // 1050: crosses again
	await earnByHand(a.id, 10);
	const b = await accountOf('Bob');
	await adjustByHand(b.id, { balance: 999 });

	const items = (await settled(wf.id)).map(firstItem);
	expect(
		items
			.map((i: any) => [i.entityId, i.previousBalance, i.balance, i.threshold])
			.sort((x: any, y: any) => x[1] - y[1]),
	).toEqual([
		[a.id, 900, 1050, 1000],
		[a.id, 950, 1050, 1000],
	]);
});

test('Ignore Own Writes drops the Wix Loyalty node’s Create Account, Adjust and Earn Points, never a person’s change', async () => {
	const wf = await watch('Watch loyalty accounts', { events: ACCOUNT_EVENTS });
	const create = await writer('loyalty-create', {
		operation: 'create',
		customerBy: 'contactId',
		contactId: { __rl: true, mode: 'id', value: '={{ $json.body.contactId }}' },
	});
	const adjust = await writer('loyalty-adjust', {
		operation: 'adjustPoints',
		accountId: { __rl: true, mode: 'id', value: '={{ $json.body.accountId }}' },
		adjustment: 'set',
		points: '={{ $json.body.points }}',
		options: { description: 'Sync from external program' },
	});
	const earn = await writer('loyalty-earn', {
		operation: 'earnPoints',
		accountId: { __rl: true, mode: 'id', value: '={{ $json.body.accountId }}' },
		points: '={{ $json.body.points }}',
	});
	published.push(create, adjust, earn);

	const contactId = await contact('Ada');
	await create.run({ contactId });
	const account = (await ok('GET', `/loyalty-accounts/v1/accounts/fetch-by?contactId=${contactId}`))
		.account;
	await adjust.run({ accountId: account.id, points: 500 });
	await earn.run({ accountId: account.id, points: 25 });
	await adjustByHand(account.id, { amount: 5, description: 'Goodwill' });
	await earnByHand(account.id, 7);

	const items = (await settled(wf.id)).map(firstItem);
	expect(
		items
			.map((i: any) => [i.eventType, i.previousBalance, i.balance])
			.sort((x: any, y: any) => x[2] - y[2] || String(x[0]).localeCompare(String(y[0]))),
	).toEqual([
		['wix.loyalty.v1.account_points_updated', 525, 530],
		['wix.loyalty.v1.account_updated', 525, 530],
		['wix.loyalty.v1.account_points_updated', 530, 537],
		['wix.loyalty.v1.account_updated', 530, 537],
	]);
	// The proof is in Wix: the transactions of our writes end with the mark.
	const { loyaltyTransactions } = await ok(
		'POST',
		'/loyalty-transactions/v1/loyalty-transactions/query',
		{
			query: {
				filter: { accountId: { $eq: account.id } },
				sort: [{ fieldName: 'createdDate', order: 'ASC' }],
			},
		},
	);
	expect(loyaltyTransactions.map((t: any) => t.description)).toEqual([
		'Sync from external program (via n8n)',
		'(via n8n)',
		'Goodwill',
		'',
	]);
});

test('the Automation source’s loyalty triggers deliver, once each, without the node’s own points writes', async () => {
	const triggers = [
		'wix_loyalty-points_earned',
		'wix_loyalty-points_adjusted',
		'wix_loyalty-tier_updated',
		'wix_loyalty-loyalty_points_reached',
	];
	const workflows: Record<string, { id: string }> = {};
	for (const key of triggers) {
		const wf = await publish(`Wix Automation ${key}`, [
			{
				name: 'Wix Trigger',
				type: 'n8n-nodes-wix-crm.wixTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { source: 'automation', authentication: 'apiKey', automationTrigger: key },
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		]);
		published.push(wf);
		workflows[key] = wf;
	}
	await waitFor(
		'our automations',
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.filter((a) => a.name.startsWith('n8n:')).length === triggers.length,
	);
	const adjust = await writer('loyalty-adjust-auto', {
		operation: 'adjustPoints',
		accountId: { __rl: true, mode: 'id', value: '={{ $json.body.accountId }}' },
		adjustment: 'add',
		points: '={{ $json.body.points }}',
	});
	published.push(adjust);
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
	const silver = (
		await ok('POST', '/loyalty-tiers/v1/tiers', {
			tier: { tierDefinition: { name: 'Silver' }, requiredPoints: 200 },
		})
	).tier;

	const a = await accountOf('Ada');
	await earnByHand(a.id, 150); // earned; a reward becomes reachable (100)
	await adjustByHand(a.id, { amount: 60 }); // adjusted by hand; Silver reached (210)
	await adjust.run({ accountId: a.id, points: 40 }); // our own: not delivered to the workflow

	const runs = async (key: string) => (await settled(workflows[key].id)).map(firstItem);
	const earned = await runs('wix_loyalty-points_earned');
	expect(earned.map((i: any) => i.data.pointsEarned)).toEqual([150]);
	expect(earned[0]).toMatchObject({
		source: 'automation',
		data: { accountId: a.id, pointsBalance: 150 },
	});
	const adjusted = await runs('wix_loyalty-points_adjusted');
	expect(adjusted.map((i: any) => [i.data.pointsAdjusted, i.data.description])).toEqual([
		[60, 'By hand'],
	]);
	const tiers = await runs('wix_loyalty-tier_updated');
	expect(tiers.map((i: any) => i.data.tierId)).toEqual([silver.id]);
	const reached = await runs('wix_loyalty-loyalty_points_reached');
	expect(reached.map((i: any) => i.data.accountId)).toEqual([a.id]);
	// Our own adjustment did happen, and fired the automation.
	expect((await ok('GET', `/loyalty-accounts/v1/accounts/${a.id}`)).account.points.balance).toBe(
		250,
	);
	const fired = (await admin(sandbox, 'GET', '/webhooks/deliveries')).deliveries as any[];
	expect(fired.filter((d) => d.eventType === 'wix_loyalty-points_adjusted').length).toBe(4);
});
