/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Starts ONE sandbox and ONE n8n in queue mode (Postgres, Redis, main, a webhook processor and two
// workers) for the queue-mode tests; they reach it through the descriptor in WIX_QUEUE.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { packPackage } from '../../scripts/n8n-instance';
import { N8nQueue } from '../../scripts/n8n-queue';
import { startExternalSystems } from '../../sandbox/external';
import { startSandbox } from '../../sandbox/server';
import { e2eCredentials } from '../e2e/fixtures';

export default async function globalSetup() {
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'wix-queue-'));
	const sandbox = await startSandbox({ seed: 'empty' });
	const external = await startExternalSystems();
	const queue = new N8nQueue();
	(globalThis as Record<string, unknown>).__wixQueue = { sandbox, external, queue, work };
	const tarball = await packPackage(work);
	const { main, webhook } = await queue.start({ tarball, workers: 2 });
	await main.importCredentials(e2eCredentials({ url: sandbox.url, creds: sandbox.creds }));
	await main.ensureApiKey();
	const descriptor = {
		sandbox: { url: sandbox.url, creds: sandbox.creds },
		external: { url: external.url },
		n8n: main.describe(),
		webhookUrl: webhook.url,
	};
	const file = join(work, 'queue.json');
	writeFileSync(file, JSON.stringify(descriptor));
	process.env.WIX_QUEUE = file;
	process.stderr.write(
		`\n[queue] sandbox ${sandbox.url}, n8n main ${main.url}, webhooks ${webhook.url}, 2 workers, ready in ${Math.round((Date.now() - started) / 1000)} s\n`,
	);
}
