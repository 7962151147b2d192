/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm run bench` (loyalty part): the requests the Wix Loyalty node sends for the template "Set up
// and activate loyalty from an external program" (templates/loyalty-setup-from-external-program.json)
// and for setting 2,000 balances from a Get Many's output. The node runs in-process, built, against
// the sandbox with no rate limit and no pacing, exactly as the template wires it: Create Account by
// email (Return Existing) with the external customers as items, then Adjust Points → Set Balance
// with Create's output as items. Requests come from the sandbox's /_sandbox/counts.
//
// Goal (issue 11): at most 1.1 requests per customer beyond the one Create Account and the one
// Adjust Points, i.e. batched contact look-ups. Results go to bench/results/loyalty.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { WixLoyalty } from '../dist/nodes/Wix/Loyalty/WixLoyalty.node';
import { startExternalSystems } from '../sandbox/external';
import { runNode } from '../test/helpers/executeContext';
import { admin, apiKeyCredentials, startTestSandbox, wix } from '../test/helpers/sandbox';

const CUSTOMERS = 200;
const ACCOUNTS = 2000;

interface Phase {
	name: string;
	items: number;
	requests: number;
	requestsPerItem: number;
	/** Requests per item beyond one Create Account and one Adjust Points (template phases). */
	beyondCreateAndAdjustPerItem?: number;
	seconds: number;
	byEndpoint: Record<string, number>;
}

function phase(
	name: string,
	items: number,
	seconds: number,
	counts: Record<string, number>,
	template = false,
): Phase {
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	const row: Phase = {
		name,
		items,
		requests: total,
		requestsPerItem: Number((total / items).toFixed(4)),
		seconds: Number(seconds.toFixed(3)),
		byEndpoint: counts,
	};
	if (template) row.beyondCreateAndAdjustPerItem = Number(((total - 2 * items) / items).toFixed(4));
	return row;
}

async function main() {
	const node = new WixLoyalty();
	const sandbox = await startTestSandbox({ seed: 'empty' });
	const external = await startExternalSystems();
	await admin(sandbox, 'POST', '/config', { latencyMs: 0, rateLimitPerMinute: 0 });
	const credentials = apiKeyCredentials(sandbox, { requestsPerMinute: 0 });
	const phases: Phase[] = [];
	const counted = async <T>(run: () => Promise<T>) => {
		await admin(sandbox, 'DELETE', '/requests');
		const start = process.hrtime.bigint();
		const result = await run();
		const seconds = Number(process.hrtime.bigint() - start) / 1e9;
		return { result, seconds, counts: (await admin(sandbox, 'GET', '/counts')).counts };
	};

	await wix(sandbox, 'POST', '/loyalty-programs/v1/program/activate');
	const seeded = (await (
		await fetch(`${external.url}/loyalty/seed`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: CUSTOMERS }),
		})
	).json()) as { accounts: Array<{ email: string; name: string; balance: number }> };
	const customers = seeded.accounts;
	// Half of the customers are contacts of the site already (made straight through the sandbox).
	for (const c of customers.filter((_, k) => k % 2 === 0))
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: c.name.split(' ')[0] }, emails: { items: [{ email: c.email }] } },
		});

	/** The template's two Wix Loyalty steps after the external customers are read. */
	const templateRun = async () => {
		const created = await runNode({
			node,
			parameters: {
				resource: 'account',
				operation: 'create',
				customerBy: 'email',
				email: (_: number, item: { email: string }) => item.email,
				firstName: (_: number, item: { name: string }) => item.name.split(' ')[0],
				lastName: (_: number, item: { name: string }) => item.name.split(' ').slice(1).join(' '),
				options: { ifExists: 'returnExisting' },
			},
			items: customers,
			credentials,
		});
		const accounts = created.output.map((o) => o.json as Record<string, any>);
		if (accounts.length !== CUSTOMERS || accounts.some((a) => a.error || !a.id))
			throw new Error(`Create Account: ${JSON.stringify(accounts.find((a) => a.error))}`);
		const set = await runNode({
			node,
			parameters: {
				resource: 'account',
				operation: 'adjustPoints',
				accountId: (_: number, item: { id: string }) => ({
					__rl: true,
					mode: 'id',
					value: item.id,
				}),
				adjustment: 'set',
				points: (k: number) => customers[k].balance,
				options: { description: 'Sync from external program' },
			},
			items: accounts,
			credentials,
		});
		const failed = set.output.filter((o) => o.json.error);
		if (failed.length) throw new Error(`Set Balance: ${JSON.stringify(failed[0].json)}`);
		return { accounts, set: set.output.map((o) => o.json as Record<string, any>) };
	};

	const first = await counted(templateRun);
	const newContacts = first.result.accounts.filter((a) => a.contactCreated).length;
	if (newContacts !== CUSTOMERS / 2)
		throw new Error(`expected ${CUSTOMERS / 2} new contacts, the node created ${newContacts}`);
	phases.push(
		phase(
			`Template 1, first run (${CUSTOMERS} customers, half of them new contacts)`,
			CUSTOMERS,
			first.seconds,
			first.counts,
			true,
		),
	);
	const second = await counted(templateRun);
	if (second.result.accounts.some((a) => a.created) || second.result.set.some((a) => a.changed))
		throw new Error('the second run changed something');
	phases.push(
		phase(
			`Template 1, second run (${CUSTOMERS} customers, nothing to change)`,
			CUSTOMERS,
			second.seconds,
			second.counts,
		),
	);

	// 2,000 accounts (made straight through the sandbox), then Get Many → Set Balance.
	for (let k = 0; k < ACCOUNTS; k++) {
		const contact = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', {
				info: { name: { first: `Bulk${k}` } },
			})
		).body.contact;
		await wix(sandbox, 'POST', '/loyalty-accounts/v1/accounts', { contactId: contact.id });
	}
	const many = await counted(
		async () =>
			await runNode({
				node,
				parameters: {
					resource: 'account',
					operation: 'getAll',
					returnAll: true,
					filters: { maxBalance: 0 },
				},
				credentials,
			}),
	);
	const bulk = many.result.output.map((o) => o.json as Record<string, any>);
	if (bulk.length !== ACCOUNTS) throw new Error(`Get Many gave ${bulk.length} accounts`);
	phases.push(
		phase(`Get Many (${ACCOUNTS} accounts, Return All)`, ACCOUNTS, many.seconds, many.counts),
	);
	const adjusted = await counted(
		async () =>
			await runNode({
				node,
				parameters: {
					resource: 'account',
					operation: 'adjustPoints',
					accountId: (_: number, item: { id: string }) => ({
						__rl: true,
						mode: 'id',
						value: item.id,
					}),
					adjustment: 'set',
					points: (k: number) => 100 + (k % 900),
				},
				items: bulk,
				credentials,
			}),
	);
	const notChanged = adjusted.result.output.filter((o) => o.json.error || !o.json.changed);
	if (notChanged.length) throw new Error(`Set Balance: ${JSON.stringify(notChanged[0].json)}`);
	phases.push(
		phase(
			`Adjust Points → Set Balance (${ACCOUNTS} accounts from the Get Many)`,
			ACCOUNTS,
			adjusted.seconds,
			adjusted.counts,
		),
	);
	await sandbox.close();
	await external.close();

	const [run1, run2, , adjust] = phases;
	const goal = {
		beyondCreateAndAdjustPerCustomer: 1.1,
		adjustRequestsPerAccount: 1.01,
		description:
			'template 1: at most 1.1 requests per customer beyond one Create Account and one Adjust Points (batched contact look-ups; a new contact costs its one Create Contact); 2,000 balances: about one request per account',
	};
	const report = {
		at: new Date().toISOString(),
		node: process.version,
		customers: CUSTOMERS,
		accounts: ACCOUNTS,
		goal,
		results: {
			template1FirstRunBeyondCreateAndAdjust: run1.beyondCreateAndAdjustPerItem,
			template1FirstRunRequestsPerCustomer: run1.requestsPerItem,
			template1SecondRunRequestsPerCustomer: run2.requestsPerItem,
			adjustRequestsPerAccount: adjust.requestsPerItem,
			withinGoal:
				(run1.beyondCreateAndAdjustPerItem ?? Infinity) <= goal.beyondCreateAndAdjustPerCustomer &&
				adjust.requestsPerItem <= goal.adjustRequestsPerAccount,
		},
		phases,
	};
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	writeFileSync(join(__dirname, 'results', 'loyalty.json'), `${JSON.stringify(report, null, 2)}\n`);
	console.table(phases.map(({ byEndpoint: _ignored, ...row }) => row));
	for (const p of phases) console.log(p.name, p.byEndpoint);
	console.log('results:', report.results);
	if (!report.results.withinGoal) process.exitCode = 2;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
