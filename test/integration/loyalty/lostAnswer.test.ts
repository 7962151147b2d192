/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Adjust Points (Add / Subtract) whose answer was lost: the node looks at the account before it
// reports or sends again, so the points change exactly once. Against the sandbox over HTTP.
import { admin, useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes, rl } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runLoyalty: run, activate, account, earn, ok } = loyaltyNodes(sandbox);

const ADJUST = /\/adjust-points$/;

async function transactions(accountId: string): Promise<any[]> {
	return (
		await ok('POST', '/loyalty-transactions/v1/loyalty-transactions/query', {
			query: { filter: { accountId }, cursorPaging: { limit: 100 } },
		})
	).loyaltyTransactions;
}

const adjustments = async (accountId: string) =>
	(await transactions(accountId)).filter((t) => t.transactionType === 'ADJUST');

const balance = async (accountId: string) =>
	(await ok('GET', `/loyalty-accounts/v1/accounts/${accountId}`)).account.points.balance;

const fault = (body: Record<string, unknown>) =>
	admin(sandbox, 'POST', '/faults', {
		method: 'POST',
		pathPrefix: '/loyalty-accounts/v1/accounts/',
		times: 1,
		...body,
	});

/** An account with 10 points, as the input item (its revision is then used, no read). */
async function tenPoints() {
	await activate();
	const a = await account('Ada');
	return await earn(a.id, 10);
}

const adjust = (a: any, adjustment: 'add' | 'subtract', points: number) =>
	run(
		{
			resource: 'account',
			operation: 'adjustPoints',
			accountId: (_: number, item: any) => rl(item.id),
			adjustment,
			points,
			options: { description: 'Spring bonus' },
		},
		{ items: [a] },
	);

describe('Adjust Points whose answer was lost changes the points once', () => {
	it.each([
		['Add, answered 500 after Wix saved it', 'add', 5, 'status', 15],
		['Subtract, connection dropped after Wix saved it', 'subtract', 4, 'reset', 6],
	] as const)(
		'%s: reports the adjustment it made',
		async (_, adjustment, points, then, expected) => {
			const a = await tenPoints();
			await fault({ kind: 'lostAnswer', then });
			const { output, requests } = await adjust(a, adjustment, points);
			const made = await adjustments(a.id);
			expect(made).toHaveLength(1);
			expect(made[0]).toMatchObject({
				amount: adjustment === 'add' ? points : -points,
				description: 'Spring bonus (via n8n)',
			});
			expect(await balance(a.id)).toBe(expected);
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({
				id: a.id,
				points: { balance: expected },
				transactionId: made[0].id,
				changed: true,
			});
			expect(output[0].json.error).toBeUndefined();
			// The write, then the look: the account and its newest transactions.
			expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
			expect(requests.filter((r) => ADJUST.test(r.url))).toHaveLength(1);
		},
	);

	it('sends again when the lost request did not land (the account is still at its revision)', async () => {
		const a = await tenPoints();
		await fault({ kind: 'reset' });
		const { output, requests } = await adjust(a, 'add', 5);
		expect(await adjustments(a.id)).toHaveLength(1);
		expect(await balance(a.id)).toBe(15);
		expect(output[0].json).toMatchObject({ points: { balance: 15 }, changed: true });
		// An unchanged revision says enough: no transaction query.
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
		expect(requests.filter((r) => ADJUST.test(r.url))).toHaveLength(2);
	});

	it('sends again, at the new revision, when someone else moved the account while ours was lost', async () => {
		const a = await tenPoints();
		// The request hangs and is dropped before Wix takes it; meanwhile another app earns points.
		await fault({ kind: 'timeout', delayMs: 600 });
		const running = adjust(a, 'add', 5);
		await new Promise((r) => setTimeout(r, 200));
		await earn(a.id, 7);
		const { output, requests } = await running;
		expect(await adjustments(a.id)).toHaveLength(1);
		expect(await balance(a.id)).toBe(22);
		expect(output[0].json).toMatchObject({ points: { balance: 22 }, changed: true });
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'POST']);
		expect(requests.filter((r) => ADJUST.test(r.url))).toHaveLength(2);
		expect((requests[3].body as any).revision).toBe(String(Number(a.revision) + 1));
	});

	it('does not take an earlier identical adjustment for the lost one', async () => {
		const a = await tenPoints();
		const first = await adjust(a, 'add', 5);
		// The second, identical adjustment hangs and is dropped before Wix takes it, while another
		// app earns points: the account moved, and the newest transactions hold one with our
		// amount and description, but from before our send.
		await fault({ kind: 'timeout', delayMs: 600 });
		const running = adjust(first.output[0].json, 'add', 5);
		await new Promise((r) => setTimeout(r, 200));
		await earn(a.id, 7);
		const { output } = await running;
		expect(await adjustments(a.id)).toHaveLength(2);
		expect(await balance(a.id)).toBe(27);
		expect(output[0].json).toMatchObject({ points: { balance: 27 }, changed: true });
		expect(output[0].json.transactionId).not.toBe(first.output[0].json.transactionId);
	});
});
