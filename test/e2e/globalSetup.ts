/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Starts ONE sandbox and ONE real n8n (our packed package installed as a community package) for
// every e2e test file; tests reach them through the descriptor in WIX_E2E.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createN8n, packPackage } from '../../scripts/n8n-instance';
import { startExternalSystems } from '../../sandbox/external';
import { startSandbox } from '../../sandbox/server';
import { e2eCredentials } from './fixtures';

export default async function globalSetup() {
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'wix-e2e-'));
	const sandbox = await startSandbox({ seed: 'empty' });
	const external = await startExternalSystems();
	const tarball = await packPackage(work);
	const n8n = await createN8n({ tarball });
	(globalThis as Record<string, unknown>).__wixE2E = { sandbox, n8n, external, work };
	process.stderr.write('\n[e2e] importing credentials, starting n8n...\n');
	await n8n.importCredentials(e2eCredentials({ url: sandbox.url, creds: sandbox.creds }));
	await n8n.registerCommunityPackage();
	await n8n.start();
	// What n8n logged while starting (warnings and errors), for the Community Nodes test.
	writeFileSync(join(work, 'n8n-start.log'), n8n.logs.join(''));
	await n8n.ensureApiKey();
	const descriptor = {
		sandbox: { url: sandbox.url, creds: sandbox.creds },
		external: { url: external.url },
		n8n: n8n.describe(),
		startLog: join(work, 'n8n-start.log'),
	};
	const file = join(work, 'e2e.json');
	writeFileSync(file, JSON.stringify(descriptor));
	process.env.WIX_E2E = file;
	process.stderr.write(
		`\n[e2e] sandbox ${sandbox.url}, n8n ${n8n.url} ready in ${Math.round((Date.now() - started) / 1000)} s\n`,
	);
}
