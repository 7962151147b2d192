/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm run bench`: speed, memory and request counts of the Contacts operations against the sandbox.
// Results go to bench/results/latest.json; numbers worth keeping belong in the closing note.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The built artifact, as n8n loads it (tsx would resolve the source name to the .node.json codex).
import { WixContacts } from '../dist/nodes/Wix/Contacts/WixContacts.node';
import { admin, apiKeyCredentials, startTestSandbox } from '../test/helpers/sandbox';
import { runNode } from '../test/helpers/executeContext';

interface Result {
	name: string;
	items: number;
	requests: number;
	requestsPerItem: number;
	seconds: number;
	itemsPerSecond: number;
	heapDeltaMb: number;
}

async function measure(
	name: string,
	sandbox: { url: string },
	work: () => Promise<number>,
	prepare?: () => Promise<void>,
): Promise<Result> {
	if (prepare) await prepare();
	await admin(sandbox, 'DELETE', '/requests');
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const start = process.hrtime.bigint();
	const items = await work();
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
	const { total } = await admin(sandbox, 'GET', '/counts');
	return {
		name,
		items,
		requests: total,
		requestsPerItem: Number((total / Math.max(items, 1)).toFixed(4)),
		seconds: Number(seconds.toFixed(3)),
		itemsPerSecond: Math.round(items / seconds),
		heapDeltaMb: Number(heapDeltaMb.toFixed(1)),
	};
}

async function main() {
	const node = new WixContacts();
	const sandbox = await startTestSandbox({ seed: 'contacts:20000' });
	const credentials = apiKeyCredentials(sandbox);
	const results: Result[] = [];

	results.push(
		await measure(
			'contact.getAll returnAll (20,000 contacts, 1000 per page)',
			sandbox,
			async () => {
				const { output } = await runNode({
					node,
					parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
					credentials,
				});
				return output.length;
			},
		),
	);
	results.push(
		await measure('contact.create (500 items)', sandbox, async () => {
			const items = Array.from({ length: 500 }, (_, k) => ({ email: `bench${k}@example.com` }));
			const { output } = await runNode({
				node,
				parameters: {
					resource: 'contact',
					operation: 'create',
					contactFields: (_: number, item: { email: string }) => ({
						email: item.email,
						firstName: 'Bench',
					}),
				},
				items,
				credentials,
			});
			return output.length;
		}),
	);
	results.push(
		await measure(
			'contact.upsert (2,000 items, half existing)',
			sandbox,
			async () => {
				const items = Array.from({ length: 2000 }, (_, k) => ({
					email: k % 2 ? `existing${(k - 1) / 2}@example.com` : `new${k}@example.com`,
					firstName: `U${k}`,
				}));
				const { output } = await runNode({
					node,
					parameters: {
						resource: 'contact',
						operation: 'upsert',
						contactFields: (_: number, item: { email: string; firstName: string }) => item,
					},
					items,
					credentials,
				});
				return output.length;
			},
			async () => {
				await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
				for (let k = 0; k < 1000; k++) {
					await fetch(`${sandbox.url}/contacts/v4/contacts`, {
						method: 'POST',
						headers: {
							Authorization: sandbox.creds.apiKey,
							'wix-site-id': sandbox.creds.siteId,
							'Content-Type': 'application/json',
						},
						body: JSON.stringify({
							info: { emails: { items: [{ email: `existing${k}@example.com` }] } },
						}),
					});
				}
			},
		),
	);
	// The two regimes of writes (an update is a read and a write): no site limit but 50 ms of latency
	// (the floor is the latency over the items that run at once), and a site limit (past the first
	// minute's budget, the floor is the pacer's minute).
	const updates = (count: number) =>
		Array.from({ length: count }, (_, k) => ({ id: `pick-${k}`, title: `T${k}` }));
	const updateAll = async (count: number, continueOnFail: boolean, perMinute: number) => {
		const ids = ((await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string }>).map(
			(c) => c.id,
		);
		const { output } = await runNode({
			node,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: (i: number) => ({ __rl: true, mode: 'id', value: ids[i % ids.length] }),
				updateFields: (_: number, item: { title: string }) => ({ jobTitle: item.title }),
			},
			items: updates(count),
			continueOnFail,
			credentials: apiKeyCredentials(sandbox, { requestsPerMinute: perMinute }),
		});
		return output.filter((o) => !o.json.error).length;
	};
	const seed = (count: number, config: Record<string, unknown>) => async () => {
		await admin(sandbox, 'POST', '/reset', { seed: `contacts:${count}` });
		await admin(sandbox, 'POST', '/config', config);
	};
	for (const continueOnFail of [false, true]) {
		results.push(
			await measure(
				`contact.update (300 items, 50 ms latency, no limit, Continue On Fail ${continueOnFail ? 'on' : 'off'})`,
				sandbox,
				async () => await updateAll(300, continueOnFail, 0),
				seed(300, { latencyMs: 50, rateLimitPerMinute: 0 }),
			),
		);
	}
	results.push(
		await measure(
			'contact.update (200 items = 400 requests, site limit 300/min, Continue On Fail on)',
			sandbox,
			async () => await updateAll(200, true, 300),
			seed(200, { latencyMs: 0, rateLimitPerMinute: 300 }),
		),
	);
	await sandbox.close();

	const report = { at: new Date().toISOString(), node: process.version, results };
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	writeFileSync(join(__dirname, 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
	console.table(results);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
