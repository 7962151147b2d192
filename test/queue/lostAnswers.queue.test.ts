// A create whose answer is lost, run by a worker: reported done, and exactly one contact.
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

test('a worker’s create whose answer was lost makes one contact and reports it', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const wf = await publish(
		'Create (queue, lost answer)',
		[
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'queue-create-id',
				parameters: { httpMethod: 'POST', path: 'queue-create', responseMode: 'lastNode' },
			},
			{
				name: 'Create',
				type: 'n8n-nodes-wix-crm.wixContacts',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'contact',
					operation: 'create',
					contactFields: { firstName: 'Lost in a worker' },
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		{ Webhook: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } },
	);
	try {
		await admin(sandbox, 'POST', '/faults', {
			kind: 'lostAnswer',
			method: 'POST',
			path: '/contacts/v4/contacts',
			times: 1,
		});
		const response = await waitFor(
			'the create to answer',
			async () => await fetch(`${webhookUrl}/webhook/queue-create`, { method: 'POST' }),
			(r) => r.status !== 404,
			{ timeoutMs: 60_000 },
		);
		expect(response.status).toBe(200);
		expect(((await response.json()) as any).info.name.first).toBe('Lost in a worker');
		const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
		expect(contacts.map((c) => c.info.name.first)).toEqual(['Lost in a worker']);
	} finally {
		await n8n.api('POST', `/workflows/${wf.id}/unpublish`, {});
	}
});
