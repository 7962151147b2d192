// Two workers writing to one site at once, past its request budget: each worker paces itself, and
// Wix's 429s (with Retry-After) and the transport's backoff absorb the rest, so no item fails.
import { readFileSync } from 'node:fs';

import { N8nInstance, type N8nDescriptor } from '../../scripts/n8n-instance';
import type { SandboxCredentials } from '../../sandbox/server';
import { API_KEY_CREDENTIAL, triggerKit, waitFor } from '../e2e/fixtures';
import { admin } from '../helpers/sandbox';

const descriptor = JSON.parse(readFileSync(process.env.WIX_QUEUE!, 'utf8')) as {
	sandbox: { url: string; creds: SandboxCredentials };
	n8n: N8nDescriptor;
	webhookUrl: string;
};
const { sandbox, webhookUrl } = descriptor;
const n8n = new N8nInstance(descriptor.n8n);
const { publish } = triggerKit(sandbox, n8n, webhookUrl);

/** A published workflow: its webhook makes `count` items and creates a contact for each. */
async function creator(path: string, count: number) {
	return await publish(
		`Create ${count} (${path})`,
		[
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${path}-id`,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode' },
			},
			{
				name: 'Make Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${count} }, (_, k) => ({ json: { first: '${path} ' + k } }));`,
				},
			},
			{
				name: 'Create',
				type: 'n8n-nodes-wix-crm.wixContacts',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'contact',
					operation: 'create',
					contactFields: { firstName: '={{ $json.first }}' },
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		{
			Webhook: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
		},
	);
}

test('two workers over the site’s budget together: every item created, none failed', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const a = await creator('pace-a', 12);
	const b = await creator('pace-b', 12);
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 20, sendRetryAfter: true });
	try {
		const run = (path: string) =>
			waitFor(
				`the ${path} run`,
				async () => (await fetch(`${webhookUrl}/webhook/${path}`, { method: 'POST' })).status,
				(status) => status !== 404,
				{ timeoutMs: 240_000 },
			);
		expect(await Promise.all([run('pace-a'), run('pace-b')])).toEqual([200, 200]);
		const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
		expect(contacts).toHaveLength(24);
		const statuses = (await admin(sandbox, 'GET', '/requests')).requests.map((r: any) => r.status);
		// The budget was really exceeded, and Wix's refusals were ridden out.
		expect(statuses.filter((s: number) => s === 429).length).toBeGreaterThan(0);
		for (const wf of [a, b]) {
			const [execution] = await n8n.executions(wf.id);
			expect(execution.status).toBe('success');
		}
	} finally {
		await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 200, sendRetryAfter: false });
		for (const wf of [a, b]) await n8n.api('POST', `/workflows/${wf.id}/unpublish`, {});
	}
});
