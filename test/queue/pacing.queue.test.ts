/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Two workers writing to one site at once, past its request budget: each worker paces itself, and
// Wix's 429s (with Retry-After) and the transport's backoff absorb the rest, so no item fails.
import { API_KEY_CREDENTIAL, callWebhook, webhookChain } from '../e2e/fixtures';
import { admin } from '../helpers/sandbox';
import { queueMode } from './fixtures';

const { sandbox, n8n, webhookUrl, publish } = queueMode();

/** A published workflow: its webhook makes `count` items and creates a contact for each. */
async function creator(path: string, count: number) {
	const chain = webhookChain(path, [
		{
			name: 'Make Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${count} }, (_, k) => ({ json: { first: '${path} ' + k } }));`,
			},
		},
		{
			name: 'Create',
			type: 'n8n-nodes-wix-crm.wixContacts',
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: '={{ $json.first }}' },
			},
			credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		},
	]);
	return await publish(`Create ${count} (${path})`, chain.nodes, chain.connections);
}

test('two workers over the site’s budget together: every item created, none failed', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const a = await creator('pace-a', 12);
	const b = await creator('pace-b', 12);
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 20, sendRetryAfter: true });
	try {
		const run = async (path: string) =>
			(await callWebhook(`${webhookUrl}/webhook/${path}`, {}, 240_000)).status;
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
