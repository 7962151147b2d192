/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Writes in real n8n, side by side with what a user would build by hand: Create or Update against
// an HTTP Request node that fires one Create Contact per item, all at once. Two regimes at 50 ms of
// latency: no site limit (the floor is the latency over the requests under way at once) and a site
// limit of 1,200 per minute with more requests than one minute allows (the floor is the pacer's
// minute for what does not fit; the hand-built workflow meets 429s).
// Run by `npm run bench`; the table goes to bench/results/writes.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createN8n, packPackage, type N8nInstance } from '../scripts/n8n-instance';
import { startSandbox, type WixSandbox } from '../sandbox/server';
import { API_KEY_CREDENTIAL, e2eCredentials } from '../test/e2e/fixtures';
import { admin } from '../test/helpers/sandbox';

const LATENCY_MS = 50;

interface Row {
	regime: string;
	workflow: string;
	items: number;
	requests: number;
	failedItems: number;
	seconds: number;
}

const itemsCode = (count: number, prefix: string) =>
	`return Array.from({ length: ${count} }, (_, k) => ({ json: { email: '${prefix}' + k + '@bench.test', firstName: 'B' + k } }));`;

function workflow(name: string, count: number, prefix: string, writer: Record<string, unknown>) {
	return {
		name,
		nodes: [
			{
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: itemsCode(count, prefix) },
			},
			{ name: 'Write', position: [400, 0], ...writer },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Write', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const createOrUpdate = {
	type: 'n8n-nodes-wix-crm.wixContacts',
	typeVersion: 1,
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		contactFields: { email: '={{ $json.email }}', firstName: '={{ $json.firstName }}' },
		options: {},
	},
	credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
};

const HEADER_AUTH = { id: 'benchHeaderAuth01', name: 'Wix API key as a header' };

/**
 * One Create Contact per item, all at once, as users build it: with the API key typed into the
 * headers, or kept in an n8n Header Auth credential (which n8n decrypts for every request, as it
 * does ours).
 */
function handBuilt(sandbox: WixSandbox, withCredential: boolean) {
	const headers = [{ name: 'wix-site-id', value: sandbox.creds.siteId }];
	if (!withCredential) headers.unshift({ name: 'Authorization', value: sandbox.creds.apiKey });
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		...(withCredential ? { credentials: { httpHeaderAuth: HEADER_AUTH } } : {}),
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/contacts/v4/contacts`,
			...(withCredential
				? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' }
				: {}),
			sendHeaders: true,
			headerParameters: { parameters: headers },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ info: { name: { first: $json.firstName }, emails: { items: [{ email: $json.email }] } } }) }}',
			options: {},
		},
		onError: 'continueRegularOutput',
	};
}

async function run(
	n8n: N8nInstance,
	sandbox: WixSandbox,
	regime: string,
	name: string,
	body: ReturnType<typeof workflow>,
): Promise<Row> {
	const created = await n8n.api('POST', '/workflows', body);
	await admin(sandbox, 'DELETE', '/requests');
	const result = await n8n.execute(created.id);
	const output = result.data.resultData.runData.Write[0].data.main[0] as Array<{
		json: Record<string, unknown>;
	}>;
	const { total } = await admin(sandbox, 'GET', '/counts');
	const seconds =
		(new Date(result.stoppedAt).getTime() -
			new Date(result.data.resultData.runData.Write[0].startTime).getTime()) /
		1000;
	return {
		regime,
		workflow: name,
		items: output.length,
		requests: total,
		failedItems: output.filter((o) => o.json.error !== undefined).length,
		seconds: Number(seconds.toFixed(1)),
	};
}

async function main() {
	const work = join(__dirname, 'results');
	mkdirSync(work, { recursive: true });
	const sandbox = await startSandbox({ seed: 'empty' });
	const n8n = await createN8n({ tarball: await packPackage(work) });
	const rows: Row[] = [];
	try {
		await n8n.start();
		const regimes = [
			{ regime: 'no site limit', perMinute: 0, items: 2000 },
			{ regime: 'site limit 1,200/min', perMinute: 1200, items: 2000 },
		];
		for (const { regime, perMinute, items } of regimes) {
			const credentials = e2eCredentials(sandbox).map((c) =>
				c.type === 'wixApiKeyApi' ? { ...c, data: { ...c.data, requestsPerMinute: perMinute } } : c,
			);
			await n8n.importCredentials([
				...credentials,
				{
					...HEADER_AUTH,
					type: 'httpHeaderAuth',
					data: { name: 'Authorization', value: sandbox.creds.apiKey },
				},
			]);
			for (const [name, writer] of [
				['Create or Update', createOrUpdate],
				['hand-built HTTP Request, key in the headers', handBuilt(sandbox, false)],
				['hand-built HTTP Request, Header Auth credential', handBuilt(sandbox, true)],
			] as const) {
				await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
				await admin(sandbox, 'POST', '/config', {
					latencyMs: LATENCY_MS,
					rateLimitPerMinute: perMinute,
				});
				const prefix = `${name.replace(/\W/g, '')}${perMinute}-`;
				rows.push(
					await run(
						n8n,
						sandbox,
						regime,
						name,
						workflow(`${name} ${regime}`, items, prefix, writer),
					),
				);
				// The limit's minute starts afresh for the next workflow.
				if (perMinute) await new Promise((r) => setTimeout(r, 61_000));
			}
		}
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
	writeFileSync(
		join(work, 'writes.json'),
		`${JSON.stringify({ at: new Date().toISOString(), latencyMs: LATENCY_MS, rows }, null, 2)}\n`,
	);
	console.table(rows);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
