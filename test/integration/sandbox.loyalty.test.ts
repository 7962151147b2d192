/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Loyalty in the sandbox over HTTP (wix-api.md D and the `_loyalty_*` SDK types): the program's
// DRAFT/ACTIVE/PAUSED rules, one account per contact, revisions, balances, earn idempotency,
// transactions, tiers, query/search/list paging, and the webhooks and automations a change sends.
import { admin, useTestSandbox, wix } from '../helpers/sandbox';
import { signedEvents, useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const receiver = useWebhookReceiver();
const PROGRAM = '/loyalty-programs/v1/program';
const ACCOUNTS = '/loyalty-accounts/v1/accounts';
const TRANSACTIONS = '/loyalty-transactions/v1/loyalty-transactions';
const TIERS = '/loyalty-tiers/v1/tiers';
const LOYALTY_APP = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function fails(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	return {
		status,
		code: result.details?.applicationError?.code as string | undefined,
		field: result.details?.validationError?.fieldViolations?.[0]?.field as string | undefined,
		message: result.message as string,
	};
}

async function contact(first: string, email = `${first.toLowerCase()}@example.com`) {
	return (
		await ok('POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		})
	).contact;
}

async function account(first: string) {
	const c = await contact(first);
	return (await ok('POST', ACCOUNTS, { contactId: c.id })).account;
}

const earn = (id: string, amount: number, idempotencyKey = `${id}-${amount}-${Math.random()}`) =>
	ok('POST', `${ACCOUNTS}/${id}/earn-points`, { amount, appId: 'n8n', idempotencyKey });

const activate = () => ok('POST', `${PROGRAM}/activate`);

describe('program', () => {
	it('starts DRAFT with sample data; Update customises it and it stays DRAFT', async () => {
		const { loyaltyProgram } = await ok('GET', PROGRAM);
		expect(loyaltyProgram).toMatchObject({
			status: 'DRAFT',
			name: expect.any(String),
			pointDefinition: { customName: 'Points', icon: { url: expect.any(String) } },
			pointsExpiration: { status: 'DISABLED' },
		});
		const updated = (
			await ok('PATCH', PROGRAM, {
				loyaltyProgram: {
					name: 'Loyalty rewarded',
					status: 'ACTIVE',
					pointDefinition: {
						customName: 'stars',
						icon: { id: 'star.svg', url: 'https://my-icons.example/star.svg', altText: 'star' },
					},
				},
			})
		).loyaltyProgram;
		expect(updated).toMatchObject({
			name: 'Loyalty rewarded',
			status: 'DRAFT',
			pointDefinition: {
				customName: 'stars',
				icon: { id: 'star.svg', url: 'https://my-icons.example/star.svg', altText: 'star' },
			},
		});
		expect((await ok('GET', PROGRAM)).loyaltyProgram).toEqual(updated);
	});

	it('validates the name, the point name and the REST field names', async () => {
		expect(await fails('PATCH', PROGRAM, { loyaltyProgram: { name: 'x' } })).toMatchObject({
			status: 400,
			field: 'loyaltyProgram.name',
		});
		expect(
			await fails('PATCH', PROGRAM, {
				loyaltyProgram: { pointDefinition: { customName: 'x'.repeat(21) } },
			}),
		).toMatchObject({ status: 400, field: 'loyaltyProgram.pointDefinition.customName' });
		expect(
			await fails('PATCH', PROGRAM, {
				loyaltyProgram: { pointDefinition: { custom_name: 'stars' } },
			}),
		).toMatchObject({ status: 400, field: 'loyaltyProgram.pointDefinition.custom_name' });
		expect(await fails('PATCH', PROGRAM, {})).toMatchObject({
			status: 400,
			field: 'loyaltyProgram',
		});
	});

	it('refuses accounts, earning and adjusting until ACTIVE, saying to activate first', async () => {
		const c = await contact('Ada');
		const refused = await fails('POST', ACCOUNTS, { contactId: c.id });
		expect(refused).toMatchObject({ status: 428, code: 'PROGRAM_NOT_ACTIVE' });
		expect(refused.message).toMatch(/DRAFT.*activate it first/);
		await activate();
		const a = (await ok('POST', ACCOUNTS, { contactId: c.id })).account;
		await earn(a.id, 10);
		const paused = (await ok('POST', `${PROGRAM}/pause`)).loyaltyProgram;
		expect(paused.status).toBe('PAUSED');
		const earnRefused = await fails('POST', `${ACCOUNTS}/${a.id}/earn-points`, {
			amount: 5,
			appId: 'n8n',
			idempotencyKey: 'k',
		});
		expect(earnRefused).toMatchObject({ status: 428, code: 'PROGRAM_NOT_ACTIVE' });
		expect(earnRefused.message).toMatch(/PAUSED.*activate it first/);
		expect(await fails('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance: 3 })).toMatchObject({
			status: 428,
			code: 'PROGRAM_NOT_ACTIVE',
		});
		expect(await fails('POST', ACCOUNTS, { contactId: (await contact('Bob')).id })).toMatchObject({
			status: 428,
		});
		// Reading still works while paused; activating again resumes.
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.points.balance).toBe(10);
		expect((await activate()).loyaltyProgram.status).toBe('ACTIVE');
		expect((await activate()).loyaltyProgram.status).toBe('ACTIVE');
		await earn(a.id, 5);
	});

	it('pauses only an active program', async () => {
		expect(await fails('POST', `${PROGRAM}/pause`)).toMatchObject({
			status: 428,
			code: 'PROGRAM_NOT_ACTIVE',
		});
	});
});

describe('accounts', () => {
	beforeEach(activate);

	it('creates one account per contact, with the contact and (once signed up) the member', async () => {
		const c = await contact('Ada');
		const a = (await ok('POST', ACCOUNTS, { contactId: c.id })).account;
		expect(a).toMatchObject({
			contactId: c.id,
			memberId: null,
			revision: '1',
			points: { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 },
			rewardAvailable: false,
			tier: { id: null, points: 0 },
			contact: { id: c.id, name: 'Ada Test', email: 'ada@example.com' },
		});
		const again = await fails('POST', ACCOUNTS, { contactId: c.id });
		expect(again).toMatchObject({ status: 409, code: 'ALREADY_EXISTS' });
		expect(again.message).toContain(a.id);
		expect(await fails('POST', ACCOUNTS, { contactId: 'nobody' })).toMatchObject({
			status: 404,
			code: 'CONTACT_NOT_FOUND',
		});
		expect(await fails('POST', ACCOUNTS, {})).toMatchObject({ status: 400, field: 'contactId' });
		expect(await fails('POST', ACCOUNTS, { memberId: 'm' })).toMatchObject({
			status: 400,
			field: 'contactId',
		});
		const { member } = await admin(sandbox, 'POST', '/members', { contactId: c.id });
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.memberId).toBe(member.id);
	});

	it('gets by account, contact and member ID; unknown ones are not found', async () => {
		const c = await contact('Ada');
		const { member } = await admin(sandbox, 'POST', '/members', { contactId: c.id });
		const a = (await ok('POST', ACCOUNTS, { contactId: c.id })).account;
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.id).toBe(a.id);
		expect((await ok('GET', `${ACCOUNTS}/fetch-by?contactId=${c.id}`)).account.id).toBe(a.id);
		expect((await ok('GET', `${ACCOUNTS}/fetch-by?memberId=${member.id}`)).account).toMatchObject({
			id: a.id,
			memberId: member.id,
		});
		expect(await fails('GET', `${ACCOUNTS}/nope`)).toMatchObject({
			status: 404,
			code: 'ACCOUNT_NOT_FOUND',
		});
		expect(await fails('GET', `${ACCOUNTS}/fetch-by?memberId=nope`)).toMatchObject({
			status: 404,
			code: 'ACCOUNT_NOT_FOUND',
		});
		expect(await fails('GET', `${ACCOUNTS}/fetch-by`)).toMatchObject({ status: 400 });
	});

	it('keeps balance = earned + adjusted − redeemed, never negative, and bumps string revisions', async () => {
		const a = await account('Ada');
		const earned = await earn(a.id, 100);
		expect(earned.transactionId).toEqual(expect.any(String));
		expect(earned.account).toMatchObject({
			revision: '2',
			points: { balance: 100, earned: 100, adjusted: 0 },
		});
		const set = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, {
			balance: 40,
			revision: '2',
			description: 'Sync from external program',
		});
		expect(set.account).toMatchObject({
			revision: '3',
			points: { balance: 40, earned: 100, adjusted: -60 },
		});
		const added = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { amount: 15 });
		expect(added.account).toMatchObject({
			revision: '4',
			points: { balance: 55, earned: 100, adjusted: -45 },
		});
		const negative = await fails('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { amount: -56 });
		expect(negative).toMatchObject({ status: 400, code: 'NEGATIVE_BALANCE' });
		expect(negative.message).toContain('-1');
		// Both sent: balance wins.
		expect(
			(await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance: 7, amount: 100 })).account
				.points.balance,
		).toBe(7);
		const now = (await ok('GET', `${ACCOUNTS}/${a.id}`)).account;
		expect(now).toMatchObject({ revision: '5', points: { balance: 7 } });
	});

	it('refuses a stale revision, non-integer points, the unflattened `type`, and bad amounts', async () => {
		const a = await account('Ada');
		await earn(a.id, 10);
		const stale = await fails('POST', `${ACCOUNTS}/${a.id}/adjust-points`, {
			balance: 3,
			revision: '1',
		});
		expect(stale).toMatchObject({ status: 409, code: 'REVISION_MISMATCH' });
		expect(stale.message).toMatch(/revision 1 \(now 2\)/);
		for (const body of [
			{ balance: 1.5 },
			{ balance: -1 },
			{ amount: 0 },
			{ amount: 2.5 },
			{ amount: 10_000_000 },
			{},
			{ balance: 1, revision: 'abc' },
		])
			expect((await fails('POST', `${ACCOUNTS}/${a.id}/adjust-points`, body)).status).toBe(400);
		expect(
			await fails('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { type: { balance: 42 } }),
		).toMatchObject({ status: 400, field: 'type' });
		for (const body of [
			{ amount: 1.5, appId: 'n8n', idempotencyKey: 'k' },
			{ amount: 0, appId: 'n8n', idempotencyKey: 'k' },
			{ amount: 5, idempotencyKey: 'k' },
			{ amount: 5, appId: 'n8n' },
			{ amount: 5, appId: 'n8n', idempotencyKey: 'k'.repeat(257) },
		])
			expect((await fails('POST', `${ACCOUNTS}/${a.id}/earn-points`, body)).status).toBe(400);
		expect(await fails('POST', `${ACCOUNTS}/nope/adjust-points`, { amount: 1 })).toMatchObject({
			status: 404,
			code: 'ACCOUNT_NOT_FOUND',
		});
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account).toMatchObject({
			revision: '2',
			points: { balance: 10 },
		});
	});

	it('earns once per idempotency key: the same key gets the same answer and no second credit', async () => {
		const a = await account('Ada');
		const first = await earn(a.id, 10, 'order-1');
		const again = await earn(a.id, 10, 'order-1');
		expect(again).toEqual(first);
		expect((await earn(a.id, 99, 'order-1')).transactionId).toBe(first.transactionId);
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.points.balance).toBe(10);
		await earn(a.id, 10, 'order-2');
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.points.balance).toBe(20);
		const { loyaltyTransactions } = await ok('POST', `${TRANSACTIONS}/query`, {
			query: { filter: { accountId: a.id, transactionType: 'EARN' } },
		});
		expect(loyaltyTransactions).toHaveLength(2);
	});

	it('setting the balance it has changes nothing', async () => {
		const a = await account('Ada');
		await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance: 42, revision: '1' });
		const same = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, {
			balance: 42,
			revision: '2',
		});
		expect(same.account).toMatchObject({ revision: '2', points: { balance: 42 } });
		expect(same.transactionId).toBeUndefined();
	});

	it('records transactions with the balance before and after; query and get them', async () => {
		const a = await account('Ada');
		const e = await earn(a.id, 100, 'key-1');
		const s = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, {
			balance: 30,
			description: 'sync',
		});
		const p = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { amount: 5 });
		const all = (
			await ok('POST', `${TRANSACTIONS}/query`, {
				query: { filter: { accountId: a.id }, sort: [{ fieldName: 'createdDate', order: 'ASC' }] },
			})
		).loyaltyTransactions;
		expect(all.map((t: any) => t.id).sort()).toEqual(
			[e.transactionId, s.transactionId, p.transactionId].sort(),
		);
		const byId = Object.fromEntries(all.map((t: any) => [t.id, t]));
		expect(byId[e.transactionId]).toMatchObject({
			accountId: a.id,
			amount: 100,
			transactionType: 'EARN',
			idempotencyKey: 'key-1',
			earnInfo: { appId: 'n8n' },
		});
		expect(byId[s.transactionId]).toMatchObject({
			amount: -70,
			transactionType: 'ADJUST',
			description: 'sync',
			adjustInfo: { appId: LOYALTY_APP, amountBefore: 100, amountAfter: 30 },
		});
		expect(byId[p.transactionId].adjustInfo).toMatchObject({ amountBefore: 30, amountAfter: 35 });
		expect(
			(await ok('GET', `${TRANSACTIONS}/${s.transactionId}`)).loyaltyTransaction,
		).toMatchObject({ id: s.transactionId, amount: -70 });
		expect(await fails('GET', `${TRANSACTIONS}/nope`)).toMatchObject({
			status: 404,
			code: 'TRANSACTION_NOT_FOUND',
		});
		const adjustments = await ok('POST', `${TRANSACTIONS}/query`, {
			query: { filter: { transactionType: 'ADJUST', amount: { $lt: 0 } } },
		});
		expect(adjustments.loyaltyTransactions.map((t: any) => t.id)).toEqual([s.transactionId]);
		const paged = await ok('POST', `${TRANSACTIONS}/query`, {
			query: { cursorPaging: { limit: 2 } },
		});
		expect(paged.loyaltyTransactions).toHaveLength(2);
		expect(paged.pagingMetadata.hasNext).toBe(true);
		const rest = await ok('POST', `${TRANSACTIONS}/query`, {
			query: { cursorPaging: { cursor: paged.pagingMetadata.cursors.next } },
		});
		expect(rest.loyaltyTransactions).toHaveLength(1);
	});
});

describe('finding accounts', () => {
	beforeEach(activate);

	async function five() {
		const out: any[] = [];
		for (const [name, balance] of [
			['Ada', 950],
			['Bob', 999],
			['Cy', 1000],
			['Di', 899],
			['Ed', 0],
		] as const) {
			const a = await account(name);
			if (balance) await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance });
			out.push({ ...a, balance });
		}
		return out;
	}

	it('queries by points balance range, tier and dates, and pages by cursor carrying the query', async () => {
		const made = await five();
		const gold = (
			await ok('POST', TIERS, { tier: { tierDefinition: { name: 'Gold' }, requiredPoints: 1000 } })
		).tier;
		const range = await ok('POST', `${ACCOUNTS}/query`, {
			query: {
				filter: { 'points.balance': { $gte: 900, $lte: 999 } },
				sort: [{ fieldName: 'points.balance', order: 'ASC' }],
				cursorPaging: { limit: 1 },
			},
		});
		expect(range.loyaltyAccounts.map((a: any) => a.points.balance)).toEqual([950]);
		expect(range.pagingMetadata).toMatchObject({ count: 1, hasNext: true });
		const next = await ok('POST', `${ACCOUNTS}/query`, {
			query: { cursorPaging: { cursor: range.pagingMetadata.cursors.next } },
		});
		expect(next.loyaltyAccounts.map((a: any) => a.points.balance)).toEqual([999]);
		expect(next.pagingMetadata).toMatchObject({ hasNext: false, cursors: { next: null } });
		const inGold = await ok('POST', `${ACCOUNTS}/query`, {
			query: { filter: { 'tier.id': gold.id } },
		});
		expect(inGold.loyaltyAccounts.map((a: any) => a.id)).toEqual([made[2].id]);
		const base = await ok('POST', `${ACCOUNTS}/query`, {
			query: { filter: { 'tier.id': { $exists: false } } },
		});
		expect(base.loyaltyAccounts).toHaveLength(4);
		const since = new Date(Date.now() - 60_000).toISOString();
		const recent = await ok('POST', `${ACCOUNTS}/query`, {
			query: {
				filter: { createdDate: { $gte: since }, lastActivityDate: { $gte: since } },
				cursorPaging: { limit: 100 },
			},
		});
		expect(recent.loyaltyAccounts).toHaveLength(5);
		const future = new Date(Date.now() + 60_000).toISOString();
		expect(
			(
				await ok('POST', `${ACCOUNTS}/query`, {
					query: { filter: { createdDate: { $gt: future } } },
				})
			).loyaltyAccounts,
		).toHaveLength(0);
		// Newest first by default.
		const all = await ok('POST', `${ACCOUNTS}/query`, { query: {} });
		expect(all.loyaltyAccounts[0].contactId).toBe(made[4].contactId);
	});

	it('refuses what the SDK query spec does not allow', async () => {
		const q = (query: unknown) => fails('POST', `${ACCOUNTS}/query`, { query });
		expect(await q({ filter: { 'contact.email': 'a@b.c' } })).toMatchObject({
			status: 400,
			code: 'UNSUPPORTED_FILTER_FIELD_UNKNOWN',
		});
		expect(await q({ filter: { 'points.balance': { $gte: '900' } } })).toMatchObject({
			status: 400,
			code: 'UNSUPPORTED_FILTER_VALUE_TYPE',
		});
		expect(await q({ filter: { createdDate: { $gte: 'yesterday' } } })).toMatchObject({
			status: 400,
			code: 'UNSUPPORTED_FILTER_VALUE',
		});
		expect(await q({ cursorPaging: { limit: 101 } })).toMatchObject({
			status: 400,
			code: 'ILLEGAL_LIMIT',
		});
		expect(await q({ cursorPaging: { cursor: 'garbage' } })).toMatchObject({
			status: 400,
			code: 'INVALID_CURSOR',
		});
		expect(
			await q({ sort: Array.from({ length: 6 }, () => ({ fieldName: 'createdDate' })) }),
		).toMatchObject({ status: 400, code: 'UNSUPPORTED_SORT_FIELD' });
	});

	it('searches by contact email and name (answering under `accounts`), counts, and lists by contact', async () => {
		const made = await five();
		const found = await ok('POST', `${ACCOUNTS}/search`, {
			search: { search: { expression: 'bob@' }, cursorPaging: { limit: 10 } },
		});
		expect(found.accounts.map((a: any) => a.id)).toEqual([made[1].id]);
		const ranged = await ok('POST', `${ACCOUNTS}/search`, {
			search: {
				filter: { 'points.balance': { $gte: 900, $lt: 1000 } },
				search: { expression: 'test', fields: ['contact.name'] },
				cursorPaging: { limit: 1 },
			},
		});
		expect(ranged.accounts).toHaveLength(1);
		const page2 = await ok('POST', `${ACCOUNTS}/search`, {
			search: { cursorPaging: { cursor: ranged.pagingMetadata.cursors.next } },
		});
		expect(page2.accounts).toHaveLength(1);
		expect(page2.pagingMetadata.hasNext).toBe(false);
		expect(
			await fails('POST', `${ACCOUNTS}/search`, {
				search: { search: { expression: 'x', fields: ['memberId'] } },
			}),
		).toMatchObject({ status: 400 });
		expect(
			await ok('POST', `${ACCOUNTS}/count`, { filter: { 'points.balance': { $gte: 900 } } }),
		).toEqual({ count: 3 });
		const listed = await ok(
			'GET',
			`${ACCOUNTS}?contactIds=${made[0].contactId}&contactIds=${made[3].contactId}`,
		);
		expect(listed.accounts.map((a: any) => a.id).sort()).toEqual([made[0].id, made[3].id].sort());
		const firstPage = await ok('GET', `${ACCOUNTS}?cursorPaging.limit=2`);
		expect(firstPage.accounts).toHaveLength(2);
		const second = await ok(
			'GET',
			`${ACCOUNTS}?cursorPaging.cursor=${firstPage.pagingMetadata.cursors.next}`,
		);
		expect(second.accounts).toHaveLength(3);
		const totals = await ok('GET', `${ACCOUNTS}/program-totals`);
		expect(totals.points.balance).toBe(950 + 999 + 1000 + 899);
	});
});

describe('tiers', () => {
	beforeEach(activate);

	it('lists tiers by required points; an account is in the highest tier its points reach', async () => {
		expect(await ok('GET', TIERS)).toEqual({ tiers: [] });
		const gold = (
			await ok('POST', TIERS, { tier: { tierDefinition: { name: 'Gold' }, requiredPoints: 1000 } })
		).tier;
		const silver = (
			await ok('POST', TIERS, { tier: { tierDefinition: { name: 'Silver' }, requiredPoints: 500 } })
		).tier;
		expect(silver).toMatchObject({ revision: '1', tierDefinition: { name: 'Silver' } });
		expect((await ok('GET', TIERS)).tiers.map((t: any) => t.id)).toEqual([silver.id, gold.id]);
		expect((await ok('GET', `${TIERS}/${gold.id}`)).tier.requiredPoints).toBe(1000);
		expect((await ok('GET', `${TIERS}/program`)).programSettings.status).toBe('ACTIVE');
		const a = await account('Ada');
		expect((await earn(a.id, 600)).account.tier).toMatchObject({ id: silver.id, points: 600 });
		expect((await earn(a.id, 400)).account.tier.id).toBe(gold.id);
		expect(
			await fails('POST', TIERS, {
				tier: { tierDefinition: { name: 'Dup' }, requiredPoints: 500 },
			}),
		).toMatchObject({ status: 409 });
		expect(
			await fails('POST', TIERS, { tier: { tierDefinition: {}, requiredPoints: 5 } }),
		).toMatchObject({ status: 400, field: 'tier.tierDefinition.name' });
		const renamed = (
			await ok('PATCH', `${TIERS}/${gold.id}`, {
				tier: { tierDefinition: { name: 'Golden' }, revision: '1' },
			})
		).tier;
		expect(renamed).toMatchObject({ revision: '2', tierDefinition: { name: 'Golden' } });
		expect(await ok('DELETE', `${TIERS}/${gold.id}`)).toEqual({});
		expect((await ok('GET', `${ACCOUNTS}/${a.id}`)).account.tier.id).toBe(silver.id);
		expect(await fails('GET', `${TIERS}/${gold.id}`)).toMatchObject({
			status: 404,
			code: 'TIER_NOT_FOUND',
		});
	});
});

describe('events', () => {
	beforeEach(async () => {
		await activate();
		await admin(sandbox, 'DELETE', '/webhooks');
		await admin(sandbox, 'POST', '/webhooks', { url: receiver.url, contentType: 'text/plain' });
	});
	afterAll(async () => {
		await admin(sandbox, 'DELETE', '/webhooks');
	});

	it('sends signed account created, updated, points updated and reward availability events', async () => {
		const a = await account('Ada');
		await earn(a.id, 150);
		await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance: 20, revision: '2' });
		await sandbox.settleWebhooks();
		const events = signedEvents(receiver.received, sandbox.creds.publicKey).filter((e) =>
			e.eventType.startsWith('wix.loyalty'),
		);
		expect(events.map((e) => e.eventType)).toEqual([
			'wix.loyalty.v1.account_created',
			'wix.loyalty.v1.account_updated',
			'wix.loyalty.v1.account_points_updated',
			'wix.loyalty.v1.account_reward_availability_updated',
			'wix.loyalty.v1.account_updated',
			'wix.loyalty.v1.account_points_updated',
			'wix.loyalty.v1.account_reward_availability_updated',
		]);
		expect(events[0].event).toMatchObject({
			entityFqdn: 'wix.loyalty.v1.account',
			slug: 'created',
			entityId: a.id,
			createdEvent: { entity: { id: a.id, revision: '1' } },
		});
		expect(events[1].event.updatedEvent.currentEntity).toMatchObject({
			revision: '2',
			points: { balance: 150 },
		});
		expect(events[2].event.actionEvent.body.account).toMatchObject({
			revision: '2',
			points: { balance: 150 },
		});
		expect(events[3].event.actionEvent.body).toEqual({
			rewardAvailable: true,
			updateTrigger: 'BALANCE_UPDATED',
		});
		expect(events[5].event.actionEvent.body.account).toMatchObject({
			revision: '3',
			points: { balance: 20 },
		});
		// An idempotent retry and a no-change balance send nothing more.
		receiver.received.length = 0;
		await earn(a.id, 1, 'once');
		await earn(a.id, 1, 'once');
		await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, { balance: 21 });
		await sandbox.settleWebhooks();
		expect(signedEvents(receiver.received, sandbox.creds.publicKey)).toHaveLength(2);
	});

	it('fires the loyalty automations: points earned, points adjusted, tier reached, reward reachable', async () => {
		const triggers = [
			'wix_loyalty-points_earned',
			'wix_loyalty-points_adjusted',
			'wix_loyalty-tier_updated',
			'wix_loyalty-loyalty_points_reached',
		];
		for (const triggerKey of triggers)
			await ok('POST', '/automations-service/v2/automations', {
				automation: {
					name: triggerKey,
					configuration: {
						trigger: { appId: LOYALTY_APP, triggerKey },
						rootActionIds: ['a'],
						actions: {
							a: {
								type: 'APP_DEFINED',
								appDefinedInfo: {
									appId: '139ef4fa-c108-8f9a-c7be-d5f492a2c939',
									actionKey: 'webhooks-action',
									inputMapping: { url: `${receiver.url}?automation=1` },
								},
							},
						},
					},
				},
			});
		const silver = (
			await ok('POST', TIERS, { tier: { tierDefinition: { name: 'Silver' }, requiredPoints: 200 } })
		).tier;
		const a = await account('Ada');
		const earned = await earn(a.id, 150);
		const adjusted = await ok('POST', `${ACCOUNTS}/${a.id}/adjust-points`, {
			amount: 60,
			description: 'bonus',
		});
		await sandbox.settleWebhooks();
		const fired = receiver.received
			.filter((r) => r.body.startsWith('{'))
			.map((r) => JSON.parse(r.body).data);
		expect(fired.map((f) => f.triggerKey)).toEqual([
			'wix_loyalty-points_earned',
			'wix_loyalty-loyalty_points_reached',
			'wix_loyalty-points_adjusted',
			'wix_loyalty-tier_updated',
		]);
		const common = {
			accountId: a.id,
			contactId: a.contactId,
			memberId: null,
			contactEmail: 'ada@example.com',
			contactName: 'Ada Test',
		};
		expect(fired[0]).toMatchObject({
			...common,
			pointsBalance: 150,
			pointsEarned: 150,
			transactionId: earned.transactionId,
		});
		expect(fired[1]).toMatchObject({ ...common, pointsBalance: 150 });
		expect(fired[2]).toMatchObject({
			...common,
			pointsBalance: 210,
			pointsAdjusted: 60,
			previousBalance: 150,
			transactionId: adjusted.transactionId,
			description: 'bonus',
		});
		expect(fired[3]).toMatchObject({
			...common,
			tierId: silver.id,
			tierName: 'Silver',
			previousTierId: null,
		});
	});
});

describe('demo seed', () => {
	it('has an ACTIVE program, tiers, accounts with balances (some 900–999) and badges', async () => {
		await admin(sandbox, 'POST', '/reset', { seed: 'demo' });
		expect((await ok('GET', PROGRAM)).loyaltyProgram).toMatchObject({
			status: 'ACTIVE',
			name: 'Demo Rewards',
		});
		expect((await ok('GET', TIERS)).tiers).toHaveLength(3);
		const near = await ok('POST', `${ACCOUNTS}/query`, {
			query: { filter: { 'points.balance': { $gte: 900, $lte: 999 } } },
		});
		expect(near.loyaltyAccounts.length).toBeGreaterThanOrEqual(3);
		const subscribed = await ok('POST', '/email-marketing/v1/email-subscriptions/query', {
			filter: { email: { $in: near.loyaltyAccounts.map((a: any) => a.contact.email) } },
		});
		expect(subscribed.subscriptions.length).toBeGreaterThan(0);
		expect(subscribed.subscriptions.length).toBeLessThan(near.loyaltyAccounts.length);
		const { badges } = await ok('GET', '/members/v3/badges');
		expect(badges.map((b: any) => b.title)).toEqual(['Loyalty 1000', 'VIP']);
		expect((await ok('GET', `/members/v3/badges/${badges[0].id}/members`)).memberIds).toHaveLength(
			1,
		);
		const { loyaltyTransactions } = await ok('POST', `${TRANSACTIONS}/query`, { query: {} });
		expect(loyaltyTransactions.length).toBeGreaterThan(5);
	});
});
