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

async function main() {
	const key = generateSigningKey();
	const instanceId = 'bench-instance';
	const work = join(__dirname, 'results');
	mkdirSync(work, { recursive: true });
	const n8n = await createN8n({
		tarball: await packPackage(work),
		extraEnv: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
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
		const jwts = Array.from(
			{ length: EVENTS },
			(_, k) =>
				buildEventJwt(
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
				).jwt,
		);
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
		await drain();
		const wixRun = await fire(wixUrl, jwts, 'text/plain');
		await drain();
		const plainRun = await fire(plainUrl, plainBodies, 'application/json');
		const wixRate = EVENTS / wixRun.seconds;
		const plainRate = EVENTS / plainRun.seconds;
		const result = {
			name: `trigger: ${EVENTS} events, ${CONCURRENCY} concurrent`,
			wixTriggerEventsPerSecond: Math.round(wixRate),
			plainWebhookEventsPerSecond: Math.round(plainRate),
			ratio: Number((wixRate / plainRate).toFixed(2)),
			wixStatuses: wixRun.statuses,
			plainStatuses: plainRun.statuses,
		};
		console.table([result]);
		const file = join(work, 'latest.json');
		let report: { results?: unknown[] } = {};
		try {
			report = JSON.parse(readFileSync(file, 'utf8'));
		} catch {
			report = {};
		}
		writeFileSync(file, `${JSON.stringify({ ...report, trigger: result }, null, 2)}\n`);
	} finally {
		await n8n.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
