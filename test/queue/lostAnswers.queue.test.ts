/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// A create whose answer is lost, run by a worker: reported done, and exactly one contact.
import { API_KEY_CREDENTIAL, callWebhook, webhookChain } from '../e2e/fixtures';
import { admin } from '../helpers/sandbox';
import { queueMode } from './fixtures';

const { sandbox, n8n, webhookUrl, publish } = queueMode();

test('a worker’s create whose answer was lost makes one contact and reports it', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const chain = webhookChain('queue-create', [
		{
			name: 'Create',
			type: 'n8n-nodes-wix-crm.wixContacts',
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Lost in a worker' },
			},
			credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		},
	]);
	const wf = await publish('Create (queue, lost answer)', chain.nodes, chain.connections);
	try {
		await admin(sandbox, 'POST', '/faults', {
			kind: 'lostAnswer',
			method: 'POST',
			path: '/contacts/v4/contacts',
			times: 1,
		});
		const response = await callWebhook(`${webhookUrl}/webhook/queue-create`);
		expect(response.status).toBe(200);
		expect(((await response.json()) as any).info.name.first).toBe('Lost in a worker');
		const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
		expect(contacts.map((c) => c.info.name.first)).toEqual(['Lost in a worker']);
	} finally {
		await n8n.api('POST', `/workflows/${wf.id}/unpublish`, {});
	}
});
