/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Events per second through the Wix Trigger (signed JWT verified, unwrapped, deduplicated) against
// n8n's plain Webhook node on the same n8n, same machine, same run. Prints and records the ratio.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createN8n, packPackage } from '../scripts/n8n-instance';
import { buildEventJwt, generateSigningKey } from '../sandbox/core/webhookJwt';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 400);
const CONCURRENCY = 8;

async function fire(
	url: string,
	bodies: string[],
	contentType: string,
): Promise<{ seconds: number; statuses: Record<number, number> }> {
	const statuses: Record<number, number> = {};
	let next = 0;
	const start = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'Content-Type': contentType },
					body,
				});
				await response.arrayBuffer();
				statuses[response.status] = (statuses[response.status] ?? 0) + 1;
			}
		}),
	);
	return { seconds: Number(process.hrtime.bigint() - start) / 1e9, statuses };
}

const ROUNDS = 3;
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Both webhooks on one fresh n8n started with `env`, alternating, ROUNDS times each. */
async function compare(label: string, env: Record<string, string>, tarball: string) {
	const key = generateSigningKey();
	const instanceId = 'bench-instance';
	const n8n = await createN8n({
		tarball,
		extraEnv: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', ...env },
	});
	await n8n.importCredentials([
		{
			id: 'benchWixOAuth2Cr',
			name: 'Bench',
			type: 'wixOAuth2Api',
			data: {
				accessToken: 'unused',
				appId: 'a',
				appSecret: 's',
				instanceId,
				publicKey: key.publicKeyPem,
				baseUrl: 'http://127.0.0.1:9',
				requestsPerMinute: 0,
			},
		},
	]);
	await n8n.start();
	try {
		const wix = await n8n.api('POST', '/workflows', {
			name: 'bench wix trigger',
			nodes: [
				{
					name: 'Wix Trigger',
					type: 'n8n-nodes-wix-crm.wixTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
					credentials: { wixOAuth2Api: { id: 'benchWixOAuth2Cr', name: 'Bench' } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		const plain = await n8n.api('POST', '/workflows', {
			name: 'bench plain webhook',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					parameters: { httpMethod: 'POST', path: 'plain-bench', responseMode: 'onReceived' },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await n8n.api('POST', `/workflows/${wix.id}/publish`, {});
		await n8n.api('POST', `/workflows/${plain.id}/publish`, {});
		await new Promise((r) => setTimeout(r, 2000));
		const site = { instanceId, siteId: 'site', accountId: 'acc' };
		// Fresh events each round: a repeated event ID would be dropped as a redelivery.
		const jwtsOfRound = (round: number) =>
			Array.from({ length: EVENTS }, (_, n) => {
				const k = round * EVENTS + n;
				return buildEventJwt(
					{
						entityFqdn: 'wix.contacts.v4.contact',
						slug: 'created',
						entityId: `c${k}`,
						body: { createdEvent: { entity: { id: `c${k}`, revision: 1 } } },
					},
					site,
					{},
					key,
					k,
				).jwt;
			});
		const jwts = jwtsOfRound(0);
		const wixUrl = `${n8n.url}/webhook/${wix.nodes[0].webhookId}/webhook`;
		const plainUrl = `${n8n.url}/webhook/plain-bench`;
		// Both webhooks answer before their workflow runs; warm each path once (an unsigned body gets 401).
		const warm = await fire(
			wixUrl,
			jwts.slice(0, 20).map(() => 'warm'),
			'text/plain',
		);
		const warmPlain = await fire(
			plainUrl,
			jwts.slice(0, 20).map(() => '{}'),
			'application/json',
		);
		if (!warm.statuses[401] || !warmPlain.statuses[200])
			throw new Error(`webhooks not live: ${JSON.stringify([warm.statuses, warmPlain.statuses])}`);
		const plainBodies = jwts.map((_, k) => JSON.stringify({ id: k }));
		// Both answer before their executions finish, and successful executions are not saved here,
		// so each run is followed by a pause for its executions to end: neither run is measured
		// against the other's leftover work.
		const drain = () =>
			new Promise((r) => setTimeout(r, Number(process.env.BENCH_DRAIN_MS ?? 20_000)));
		const wixRates: number[] = [];
		const plainRates: number[] = [];
		const statuses: Array<Record<number, number>> = [];
		for (let round = 0; round < ROUNDS; round++) {
			await drain();
			const wixRun = await fire(wixUrl, jwtsOfRound(round), 'text/plain');
			await drain();
			const plainRun = await fire(plainUrl, plainBodies, 'application/json');
			wixRates.push(EVENTS / wixRun.seconds);
			plainRates.push(EVENTS / plainRun.seconds);
			statuses.push(wixRun.statuses, plainRun.statuses);
		}
		const wixRate = median(wixRates);
		const plainRate = median(plainRates);
		return {
			name: `trigger: ${EVENTS} events, ${CONCURRENCY} concurrent, ${label}`,
			wixTriggerEventsPerSecond: Math.round(wixRate),
			plainWebhookEventsPerSecond: Math.round(plainRate),
			ratio: Number((wixRate / plainRate).toFixed(2)),
			rounds: wixRates.map((w, k) => `${Math.round(w)}/${Math.round(plainRates[k])}`).join(' '),
			allAnswered200: statuses.every((s) => Object.keys(s).join() === '200'),
		};
	} finally {
		await n8n.stop();
	}
}

async function main() {
	const work = join(__dirname, 'results');
	mkdirSync(work, { recursive: true });
	const tarball = await packPackage(work);
	// n8n 2.41 evaluates webhooks inside its expression isolate (a pool of one) for every trigger
	// but its own Webhook node from version 2; the second line takes the isolate out of both.
	const results = [
		await compare('n8n defaults', {}, tarball),
		await compare(
			'expression isolate off (N8N_EXPRESSION_ENGINE=legacy)',
			{ N8N_EXPRESSION_ENGINE: 'legacy' },
			tarball,
		),
	];
	console.table(results);
	const file = join(work, 'latest.json');
	let report: { results?: unknown[] } = {};
	try {
		report = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		report = {};
	}
	writeFileSync(file, `${JSON.stringify({ ...report, trigger: results }, null, 2)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
