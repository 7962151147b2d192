/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What the queue-mode tests share: the setup test/queue/globalSetup.ts started.
import { readFileSync } from 'node:fs';

import { N8nInstance, type N8nDescriptor } from '../../scripts/n8n-instance';
import type { SandboxCredentials } from '../../sandbox/server';
import { triggerKit } from '../e2e/fixtures';

export function queueMode() {
	const file = process.env.WIX_QUEUE;
	if (!file)
		throw new Error(
			'WIX_QUEUE is not set: run the queue project through jest (globalSetup starts n8n)',
		);
	const descriptor = JSON.parse(readFileSync(file, 'utf8')) as {
		sandbox: { url: string; creds: SandboxCredentials };
		external: { url: string };
		n8n: N8nDescriptor;
		webhookUrl: string;
	};
	const n8n = new N8nInstance(descriptor.n8n);
	const { sandbox, external, webhookUrl } = descriptor;
	return { sandbox, external, n8n, webhookUrl, ...triggerKit(sandbox, n8n, webhookUrl) };
}
