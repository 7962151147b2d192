/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Loyalty → Account: Adjust Points, Earn Points, Get Transactions, and Tier → Get Many, run
// in-process against the sandbox over HTTP.
import { useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes, rl } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runLoyalty: run, activate, account, earn, ok } = loyaltyNodes(sandbox);

const adjustments = (requests: Array<{ url: string }>) =>
	requests.filter((r) => r.url.endsWith('/adjust-points'));

describe('Account → Adjust Points', () => {
	it('sets the balance with the revision of the input item: one request', async () => {
		await activate();
		const a = await account('Ada');
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: any) => rl(item.id),
				adjustment: 'set',
				points: 42,
				options: { description: 'Sync from external program' },
			},
			{ items: [a] },
		);
		expect(output[0].json).toMatchObject({ id: a.id, points: { balance: 42 }, changed: true });
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({
			balance: 42,
			description: 'Sync from external program (via n8n)',
			revision: a.revision,
		});
	});

	it('reads the revision when the item is not the account; sends nothing when the balance already matches', async () => {
		await activate();
		const a = await account('Ada');
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: rl(a.id),
				adjustment: 'set',
				points: 10,
			},
			{ items: [{ id: 'external-1', revision: '7', balance: 10 }] },
		);
		expect(output[0].json.points).toMatchObject({ balance: 10 });
		expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		const same = await run({
			resource: 'account',
			operation: 'adjustPoints',
			accountId: rl(a.id),
			adjustment: 'set',
			points: 10,
		});
		expect(same.output[0].json).toMatchObject({ changed: false, points: { balance: 10 } });
		expect(adjustments(same.requests)).toHaveLength(0);
	});

	it('re-reads and tries once more when the input item’s revision is stale', async () => {
		await activate();
		const a = await account('Ada');
		await earn(a.id, 5); // the account moves on past the item's revision
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: any) => rl(item.id),
				adjustment: 'add',
				points: 3,
			},
			{ items: [a] },
		);
		expect(output[0].json.points).toMatchObject({ balance: 8 });
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
	});

	it('refuses a stale revision given by hand, naming the item, the field and the code', async () => {
		await activate();
		const a = await account('Ada');
		await earn(a.id, 5);
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: rl(a.id),
				adjustment: 'add',
				points: 3,
				options: { revision: a.revision },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'REVISION_MISMATCH', httpCode: '409' });
		expect(output[0].json.error).toMatch(/item 0, field "Revision"/);
		expect(requests).toHaveLength(1);
	});

	it('adds and subtracts; a subtraction below 0 and a non-integer fail with clear errors', async () => {
		await activate();
		const a = await account('Ada');
		await earn(a.id, 10);
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: rl(a.id),
				adjustment: (_: number, item: any) => item.adjustment,
				points: (_: number, item: any) => item.points,
			},
			{
				items: [
					{ adjustment: 'add', points: 5 },
					{ adjustment: 'subtract', points: 3 },
					{ adjustment: 'subtract', points: 50 },
					{ adjustment: 'add', points: 2.5 },
				],
				continueOnFail: true,
			},
		);
		expect(output[0].json.points).toMatchObject({ balance: 15 });
		expect(output[1].json.points).toMatchObject({ balance: 12 });
		expect(output[2].json).toMatchObject({ code: 'NEGATIVE_BALANCE' });
		expect(output[2].json.error).toMatch(/below 0.*item 2, field "Points"/);
		expect(output[3].json).toMatchObject({ code: 'INVALID_ARGUMENT' });
		expect(output[3].json.error).toMatch(/whole number.*item 3, field "Points"/);
		expect(adjustments(requests)).toHaveLength(2);
	});

	it('a negative balance from a stale input item is refused by Wix, named the same way', async () => {
		await activate();
		const a = await account('Ada');
		const { output } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: any) => rl(item.id),
				adjustment: 'subtract',
				points: 1,
			},
			{ items: [a], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'NEGATIVE_BALANCE', httpCode: '400' });
		expect(output[0].json.error).toMatch(/item 0, field "Points"/);
	});

	it('says to activate the program first when it is paused', async () => {
		await activate();
		const a = await account('Ada');
		await ok('POST', '/loyalty-programs/v1/program/pause');
		const { output } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: any) => rl(item.id),
				adjustment: 'set',
				points: 5,
			},
			{ items: [a], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'PROGRAM_NOT_ACTIVE' });
		expect(output[0].json.description).toMatch(/activate it first/);
	});

	it('sets 2,000 balances from a Get Many’s output with one request per account', async () => {
		await activate();
		const contacts = [];
		for (let k = 0; k < 2000; k += 100) {
			const batch = await Promise.all(
				Array.from({ length: 100 }, (_, j) =>
					ok('POST', '/contacts/v4/contacts', { info: { name: { first: `P${k + j}` } } }),
				),
			);
			contacts.push(...batch.map((b) => b.contact.id));
		}
		for (let k = 0; k < contacts.length; k += 100)
			await Promise.all(
				contacts
					.slice(k, k + 100)
					.map((contactId) => ok('POST', '/loyalty-accounts/v1/accounts', { contactId })),
			);
		const listed = await run({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(listed.output).toHaveLength(2000);
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: any) => rl(item.id),
				adjustment: 'set',
				points: (i: number) => 100 + (i % 50),
			},
			{ items: listed.output.map((o) => o.json) },
		);
		expect(output.every((o) => o.json.changed === true)).toBe(true);
		expect(requests).toHaveLength(2000);
	}, 120_000);
});

describe('Account → Earn Points', () => {
	it('credits once per execution and item: a re-run of the same execution adds nothing', async () => {
		await activate();
		const a = await account('Ada');
		const params = {
			resource: 'account',
			operation: 'earnPoints',
			accountId: rl(a.id),
			points: 25,
		};
		const first = await run(params, { executionId: 'exec-1' });
		expect(first.output[0].json).toMatchObject({ points: { balance: 25 } });
		expect(first.output[0].json.idempotencyKey).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		const retried = await run(params, { executionId: 'exec-1' });
		expect(retried.output[0].json).toMatchObject({
			points: { balance: 25 },
			idempotencyKey: first.output[0].json.idempotencyKey,
		});
		const next = await run(params, { executionId: 'exec-2' });
		expect(next.output[0].json).toMatchObject({ points: { balance: 50 } });
	});

	it('uses a given idempotency key, and refuses a non-integer or zero amount before any request', async () => {
		await activate();
		const a = await account('Ada');
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'earnPoints',
				accountId: rl(a.id),
				points: (_: number, item: any) => item.points,
				options: { idempotencyKey: 'order-1001', orderId: '1001', description: 'Order 1001' },
			},
			{
				items: [{ points: 10 }, { points: 10 }, { points: 1.5 }, { points: 0 }],
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ points: { balance: 10 }, idempotencyKey: 'order-1001' });
		expect(output[1].json).toMatchObject({ points: { balance: 10 } });
		expect(output[2].json.error).toMatch(/whole number.*item 2, field "Points"/);
		expect(output[3].json).toMatchObject({ code: 'OUT_OF_RANGE' });
		expect(requests).toHaveLength(2);
	});

	it('says to activate the program first while it is not active', async () => {
		await activate();
		const a = await account('Ada');
		await ok('POST', '/loyalty-programs/v1/program/pause');
		await expect(
			run({ resource: 'account', operation: 'earnPoints', accountId: rl(a.id), points: 1 }),
		).rejects.toThrow(/PROGRAM_NOT_ACTIVE.*item 0/);
	});
});

describe('Account → Get Transactions', () => {
	it('lists the account’s transactions newest first, by type, with before/after amounts', async () => {
		await activate();
		const a = await account('Ada');
		await earn(a.id, 30);
		await run({
			resource: 'account',
			operation: 'adjustPoints',
			accountId: rl(a.id),
			adjustment: 'set',
			points: 100,
		});
		const { output } = await run({
			resource: 'account',
			operation: 'getTransactions',
			accountId: rl(a.id),
			returnAll: true,
		});
		expect(output.map((o) => o.json.transactionType)).toEqual(['ADJUST', 'EARN']);
		expect(output[0].json).toMatchObject({
			accountId: a.id,
			adjustInfo: expect.objectContaining({ amountBefore: 30, amountAfter: 100 }),
		});
		const earnOnly = await run({
			resource: 'account',
			operation: 'getTransactions',
			accountId: rl(a.id),
			returnAll: true,
			options: { types: ['EARN'] },
		});
		expect(earnOnly.output.map((o) => o.json.amount)).toEqual([30]);
	});
});

describe('Tier → Get Many', () => {
	it('lists the tiers by required points', async () => {
		for (const [name, requiredPoints] of [
			['Gold', 1000],
			['Silver', 500],
		] as const)
			await ok('POST', '/loyalty-tiers/v1/tiers', {
				tier: { tierDefinition: { name }, requiredPoints },
			});
		const { output } = await run({ resource: 'tier', operation: 'getAll', returnAll: true });
		expect(output.map((o) => o.json.tierDefinition)).toEqual([
			expect.objectContaining({ name: 'Silver' }),
			expect.objectContaining({ name: 'Gold' }),
		]);
	});
});
