/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The three loyalty templates run as users import them, against the sandbox and the stand-in
// external loyalty program and email service, checking the end states issue 11 asks for.
import { join } from 'node:path';

import type { N8nInstance } from '../../scripts/n8n-instance';
import { admin, wix } from '../helpers/sandbox';
import { nodeOutput, templateAsImported, waitFor, webhookLive, type E2E } from '../e2e/fixtures';
import { TEMPLATES, type Stack } from './templates';

/** A credential with the client-side pacing off, for runs of hundreds of requests. */
export const UNPACED_CREDENTIAL = { id: 'wixSandboxUnpaced', name: 'Wix sandbox (no pacing)' };

export function unpacedCredential(sandbox: E2E['sandbox']) {
	return {
		...UNPACED_CREDENTIAL,
		type: 'wixApiKeyApi',
		data: {
			apiKey: sandbox.creds.apiKey,
			siteId: sandbox.creds.siteId,
			baseUrl: sandbox.url,
			requestsPerMinute: 0,
		},
	};
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : {};
}

/** A Wix call that must succeed. */
async function ok(sandbox: E2E['sandbox'], method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function loyaltyState(sandbox: E2E['sandbox']) {
	return (await admin(sandbox, 'GET', '/loyalty')) as {
		program: any;
		accounts: any[];
		transactions: any[];
	};
}

/** Wix balances by the account's contact email. */
async function wixBalances(sandbox: E2E['sandbox']): Promise<Record<string, number>> {
	const { accounts } = await loyaltyState(sandbox);
	return Object.fromEntries(accounts.map((a) => [a.contact.email, a.points.balance]));
}

async function externalBalances(external: E2E['external']): Promise<Record<string, number>> {
	const { loyaltyAccounts } = await call(external.url, 'GET', '/state');
	return Object.fromEntries(
		(loyaltyAccounts as any[]).map((a) => [a.email as string, a.balance as number]),
	);
}

/** A contact with a loyalty account at `balance`, made straight through Wix (not through n8n). */
async function wixCustomer(
	sandbox: E2E['sandbox'],
	email: string,
	first: string,
	balance: number,
	subscription?: string,
) {
	const contact = (
		await ok(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		})
	).contact;
	let account = (
		await ok(sandbox, 'POST', '/loyalty-accounts/v1/accounts', { contactId: contact.id })
	).account;
	if (balance)
		account = (
			await ok(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${account.id}/adjust-points`, {
				balance,
				revision: account.revision,
				description: 'Set by the shop',
			})
		).account;
	if (subscription)
		await ok(sandbox, 'POST', '/email-marketing/v1/email-subscriptions', {
			subscription: { email, subscriptionStatus: subscription },
		});
	return { contact, account };
}

/** Adds (or with a negative amount takes) points, as the shop's staff would in Wix. */
async function adjustInWix(sandbox: E2E['sandbox'], accountId: string, amount: number) {
	const { account } = await ok(sandbox, 'GET', `/loyalty-accounts/v1/accounts/${accountId}`);
	return (
		await ok(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${accountId}/adjust-points`, {
			amount,
			revision: account.revision,
			description: 'Changed in the dashboard',
		})
	).account;
}

/** Publishes a template; returns its n8n ID and its Wix Trigger's production URL, once live. */
async function publishTemplate(
	n8n: N8nInstance,
	body: any,
	webhookBase: string,
): Promise<{ id: string; wixUrl: string }> {
	const created = await n8n.api('POST', '/workflows', {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: body.settings,
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const trigger = created.nodes.find((n: any) => n.name === 'Wix Trigger');
	const wixUrl = `${webhookBase}/webhook/${trigger.webhookId}/webhook`;
	await webhookLive(wixUrl);
	return { id: created.id, wixUrl };
}

/**
 * Executions a published workflow ran on outside events (not `n8n execute`), once `expected` of them
 * finished and a pause brought no more: an echo of our own writes would start one within it.
 */
async function settledRuns(
	sandbox: E2E['sandbox'],
	n8n: N8nInstance,
	workflowId: string,
	expected: number,
) {
	const outsideRuns = async () => {
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		return (await n8n.executions(workflowId)).filter((e: any) => e.mode !== 'cli');
	};
	await waitFor(
		`${expected} finished executions`,
		outsideRuns,
		(runs) =>
			runs.length >= expected &&
			runs.every((e: any) => e.finished || ['success', 'error'].includes(e.status)),
		{ timeoutMs: 30_000 },
	);
	await new Promise((r) => setTimeout(r, 1000));
	const runs = await outsideRuns();
	expect(runs.filter((e: any) => e.status === 'error')).toEqual([]);
	expect(runs).toHaveLength(expected);
	return runs;
}

/**
 * Template 1: 200 customers of the external program, 20 of them contacts already (one under an
 * email in other case); afterwards every account and balance matches the program, and a second
 * run changes nothing.
 */
export async function setupFromExternalProgram({ sandbox, external, n8n }: Stack) {
	const { accounts: customers } = await call(external.url, 'POST', '/loyalty/seed', { count: 200 });
	for (const c of (customers as any[]).slice(0, 20))
		await ok(sandbox, 'POST', '/contacts/v4/contacts', {
			info: {
				name: { first: 'Known' },
				emails: { items: [{ email: c.id === 'ext-0005' ? c.email.toUpperCase() : c.email }] },
			},
		});
	expect((await loyaltyState(sandbox)).program.status).toBe('DRAFT');

	const { id, body } = templateAsImported(
		join(TEMPLATES, 'loyalty-setup-from-external-program.json'),
		external.url,
	);
	// The user picks a credential whose pacing suits a long one-off run.
	for (const node of body.nodes)
		if (node.credentials?.wixApiKeyApi) node.credentials.wixApiKeyApi = UNPACED_CREDENTIAL;
	await n8n.importWorkflow(body);

	const first = await n8n.execute(id);
	expect(first.data.resultData.error).toBeUndefined();
	const made = nodeOutput(first, 'Find or Create Contact and Account');
	expect(made).toHaveLength(200);
	expect(made.filter((a) => a.created)).toHaveLength(200);
	expect(made.filter((a) => a.contactCreated)).toHaveLength(180);
	expect(nodeOutput(first, 'Set Balance').filter((a) => a.changed)).toHaveLength(
		(customers as any[]).filter((c) => c.balance > 0).length,
	);

	const after = await loyaltyState(sandbox);
	expect(after.program).toMatchObject({
		status: 'ACTIVE',
		name: 'Loyalty rewarded',
		pointDefinition: { customName: 'stars', icon: { url: 'https://my-icons.example/star.svg' } },
	});
	expect(await wixBalances(sandbox)).toEqual(await externalBalances(external));
	const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
	expect(contacts).toHaveLength(200);
	const ada = contacts.find((c) => c.primaryInfo.email === (customers as any[])[20].email);
	expect(ada.info.name.first).toBe((customers as any[])[20].name.split(' ')[0]);

	const snapshot = async () => {
		const state = await loyaltyState(sandbox);
		return {
			program: { ...state.program, updatedDate: undefined },
			accounts: state.accounts
				.map((a) => [a.id, a.revision, a.points.balance])
				.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
			transactions: state.transactions.length,
			contacts: ((await admin(sandbox, 'GET', '/state')).contacts as any[])
				.map((c) => [c.id, c.revision])
				.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
		};
	};
	const before = await snapshot();
	const second = await n8n.execute(id);
	expect(second.data.resultData.error).toBeUndefined();
	expect(nodeOutput(second, 'Find or Create Contact and Account').some((a) => a.created)).toBe(
		false,
	);
	expect(nodeOutput(second, 'Set Balance').some((a) => a.changed)).toBe(false);
	expect(await snapshot()).toEqual(before);
}

/**
 * Template 2: balance changes on either side reach the other within one execution per outside
 * change, accounts created on either side appear on the other, and our own writes start nothing.
 */
export async function twoWayLoyaltySync({ sandbox, external, n8n, webhookBase }: Stack) {
	await ok(sandbox, 'POST', '/loyalty-programs/v1/program/activate');
	// Already in sync before the workflow is published: Ada and Grace, on both sides.
	await call(external.url, 'POST', '/loyalty/accounts', {
		email: 'ada@sync.test',
		name: 'Ada Lovelace',
		balance: 120,
	});
	const grace = await call(external.url, 'POST', '/loyalty/accounts', {
		email: 'grace@sync.test',
		name: 'Grace Hopper',
		balance: 300,
	});
	const ada = (await wixCustomer(sandbox, 'ada@sync.test', 'Ada', 120)).account;
	const wixGrace = (await wixCustomer(sandbox, 'grace@sync.test', 'Grace', 300)).account;

	const { body } = templateAsImported(join(TEMPLATES, 'two-way-loyalty-sync.json'), external.url);
	const { id, wixUrl } = await publishTemplate(n8n, body, webhookBase);
	await admin(sandbox, 'POST', '/webhooks', { url: wixUrl, contentType: 'application/json' });
	await call(external.url, 'POST', '/loyalty/webhook', {
		url: `${webhookBase}/webhook/wix-loyalty-sync-external-events`,
	});
	let expected = 0;
	const settle = async (more: number) => {
		expected += more;
		await settledRuns(sandbox, n8n, id, expected);
	};
	try {
		// Program → Wix: a customer spends points in the program.
		await call(external.url, 'PATCH', `/loyalty/ui/accounts/${grace.id}`, { amount: -100 });
		await settle(1);
		expect((await wixBalances(sandbox))['grace@sync.test']).toBe(200);
		const graceTx = (await loyaltyState(sandbox)).transactions.filter(
			(t) => t.accountId === wixGrace.id,
		);
		expect(graceTx.at(-1).description).toBe('Sync from external program (via n8n)');

		// Wix → program: staff add points in Wix, twice.
		await adjustInWix(sandbox, ada.id, 80);
		await settle(1);
		expect((await externalBalances(external))['ada@sync.test']).toBe(200);
		await adjustInWix(sandbox, ada.id, -50);
		await settle(1);
		expect((await externalBalances(external))['ada@sync.test']).toBe(150);

		// A new customer in the program: contact and account appear in Wix with the balance.
		await call(external.url, 'POST', '/loyalty/ui/accounts', {
			email: 'linus@sync.test',
			name: 'Linus Torvalds',
			balance: 250,
		});
		await settle(1);
		const linus = (await loyaltyState(sandbox)).accounts.find(
			(a) => a.contact.email === 'linus@sync.test',
		);
		expect(linus).toMatchObject({ points: { balance: 250 }, contact: { name: 'Linus Torvalds' } });

		// A new account in Wix appears in the program; its first points follow.
		const radia = (await wixCustomer(sandbox, 'radia@sync.test', 'Radia', 0)).account;
		await settle(1);
		expect((await externalBalances(external))['radia@sync.test']).toBe(0);
		await adjustInWix(sandbox, radia.id, 40);
		await settle(1);

		// The program changes a balance the sync wrote: it comes back once, and nothing loops.
		const { loyaltyAccounts } = await call(external.url, 'GET', '/state');
		const extLinus = (loyaltyAccounts as any[]).find((a) => a.email === 'linus@sync.test');
		await call(external.url, 'PATCH', `/loyalty/ui/accounts/${extLinus.id}`, { balance: 1000 });
		await settle(1);

		const wixSide = await wixBalances(sandbox);
		expect(wixSide).toEqual({
			'ada@sync.test': 150,
			'grace@sync.test': 200,
			'linus@sync.test': 1000,
			'radia@sync.test': 40,
		});
		expect(await externalBalances(external)).toEqual(wixSide);
		// Only the program's own changes were announced: the sync's API writes send no events.
		const { loyaltyDeliveries } = await call(external.url, 'GET', '/state');
		expect((loyaltyDeliveries as any[]).map((d) => d.type)).toEqual([
			'account.updated',
			'account.created',
			'account.updated',
		]);
	} finally {
		await n8n.api('POST', `/workflows/${id}/unpublish`, {});
		await admin(sandbox, 'DELETE', '/webhooks');
		await call(external.url, 'POST', '/loyalty/webhook', {});
	}
}

/**
 * Template 3: the weekly email reaches exactly the SUBSCRIBED customers with 900–999 points; the
 * milestone badge is created once and assigned once per member, whether the event comes twice or
 * the balance falls and rises again; a customer who is no member does not stop the run.
 */
export async function loyaltyMilestone({ sandbox, external, n8n, webhookBase }: Stack) {
	await ok(sandbox, 'POST', '/loyalty-programs/v1/program/activate');
	const c = (email: string, first: string, balance: number, subscription?: string) =>
		wixCustomer(sandbox, email, first, balance, subscription);
	const near = await c('near@mile.test', 'Near', 950, 'SUBSCRIBED');
	await c('unsubscribed@mile.test', 'Unsub', 905, 'UNSUBSCRIBED');
	await c('notset@mile.test', 'NotSet', 990);
	await c('pending@mile.test', 'Pending', 930, 'PENDING');
	const edge = await c('edge@mile.test', 'Edge', 999, 'SUBSCRIBED');
	await c('below@mile.test', 'Below', 899, 'SUBSCRIBED');
	await c('over@mile.test', 'Over', 1000, 'SUBSCRIBED');
	const climber = await c('climber@mile.test', 'Climber', 800);
	const climberMember = (
		await admin(sandbox, 'POST', '/members', { contactId: climber.contact.id })
	).member;
	const nearMember = (await admin(sandbox, 'POST', '/members', { contactId: near.contact.id }))
		.member;

	const { body } = templateAsImported(join(TEMPLATES, 'loyalty-milestone.json'), external.url);
	const { id, wixUrl } = await publishTemplate(n8n, body, webhookBase);
	try {
		// The weekly part, run by hand.
		const weekly = await n8n.execute(id);
		expect(weekly.data.resultData.error).toBeUndefined();
		expect(nodeOutput(weekly, 'Near the Milestone')).toHaveLength(5);
		const { messages } = await call(external.url, 'GET', '/state');
		expect(
			(messages as any[]).map((m) => [m.to, m.subject]).sort((a, b) => a[0].localeCompare(b[0])),
		).toEqual([
			['edge@mile.test', 'Only 1 points to your 1,000 Points Club badge'],
			['near@mile.test', 'Only 50 points to your 1,000 Points Club badge'],
		]);
		expect(messages[0].text).toContain('Reach 1000');

		await admin(sandbox, 'POST', '/webhooks', { url: wixUrl, contentType: 'application/json' });
		let expected = 0;
		const settle = async (more: number) => {
			expected += more;
			return await settledRuns(sandbox, n8n, id, expected);
		};
		const badges = async () =>
			((await admin(sandbox, 'GET', '/badges')).badges as any[]).filter(
				(b) => b.title === '1,000 Points Club',
			);

		// The climber crosses 1000: the badge is created and assigned.
		await adjustInWix(sandbox, climber.account.id, 250);
		await settle(1);
		let [badge, ...more] = await badges();
		expect(more).toEqual([]);
		expect(badge.memberIds).toEqual([climberMember.id]);

		// Every event delivered twice: one run for Near's crossing.
		await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
		await adjustInWix(sandbox, near.account.id, 60);
		await settle(1);
		await admin(sandbox, 'POST', '/webhooks/faults', { copies: 1 });

		// Moves that cross nothing start nothing; falling below and rising again crosses again, and
		// the badge the climber has stays assigned once.
		await adjustInWix(sandbox, climber.account.id, 10);
		await adjustInWix(sandbox, climber.account.id, -200);
		await settle(0);
		await adjustInWix(sandbox, climber.account.id, 300);
		await settle(1);

		// Edge is no member: the assignment fails its item, the run does not fail.
		await adjustInWix(sandbox, edge.account.id, 1);
		const runs = await settle(1);
		const last = runs[0].data.resultData.runData['Assign Milestone Badge'][0].data.main[0][0].json;
		expect(last).toMatchObject({ code: 'MEMBER_NOT_FOUND' });

		// Wix sends everything again: nothing runs twice.
		await admin(sandbox, 'POST', '/webhooks/redeliver', {});
		await settle(0);

		[badge, ...more] = await badges();
		expect(more).toEqual([]);
		expect([...badge.memberIds].sort()).toEqual([climberMember.id, nearMember.id].sort());
		const assigned = ((await admin(sandbox, 'GET', '/webhooks/deliveries')).deliveries as any[])
			.filter((d) => d.eventType === 'wix.badges.v3.badge_badge_assigned')
			.map((d) => d.eventId);
		expect(new Set(assigned).size).toBe(2);
		expect((await call(external.url, 'GET', '/state')).messages).toHaveLength(2);
	} finally {
		await n8n.api('POST', `/workflows/${id}/unpublish`, {});
		await admin(sandbox, 'DELETE', '/webhooks');
	}
}
