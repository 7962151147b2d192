/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import { rmSync } from 'node:fs';

import type { N8nInstance } from '../../scripts/n8n-instance';
import type { ExternalSystems } from '../../sandbox/external';
import type { WixSandbox } from '../../sandbox/server';

/** Stops what globalSetup started and removes its folders (the n8n user folder, the packed package). */
export default async function globalTeardown() {
	const e2e = (globalThis as Record<string, unknown>).__wixE2E as
		| { sandbox: WixSandbox; n8n: N8nInstance; external: ExternalSystems; work: string }
		| undefined;
	if (!e2e) return;
	await e2e.n8n.stop();
	await e2e.sandbox.close();
	await e2e.external.close();
	for (const dir of [e2e.n8n.userFolder, e2e.work]) rmSync(dir, { recursive: true, force: true });
}
