/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import type { N8nQueue } from '../../scripts/n8n-queue';
import type { WixSandbox } from '../../sandbox/server';

export default async function globalTeardown() {
	const setup = (globalThis as Record<string, unknown>).__wixQueue as
		| { sandbox: WixSandbox; external: { close(): Promise<void> }; queue: N8nQueue }
		| undefined;
	if (!setup) return;
	await setup.queue.stop();
	await setup.sandbox.close();
	await setup.external.close();
}
