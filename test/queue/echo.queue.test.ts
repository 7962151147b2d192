/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Ignore Own Writes where n8n is scaled out: the write runs in a worker, the event reaches the
// webhook processor, so no process's memory connects them. Our successful write is still dropped
// (its proof is in Wix), and a person's edit, also right after our failed write, is still seen.
import { API_KEY_CREDENTIAL, callWebhook, webhookChain } from '../e2e/fixtures';
import { admin, wix } from '../helpers/sandbox';
import { queueMode } from './fixtures';

const { sandbox, n8n, webhookUrl, publish, triggerNode, settled, firstItem } = queueMode();

let watcher: { id: string; url: string };
let writer: { id: string };
const writeUrl = `${webhookUrl}/webhook/queue-update`;

beforeAll(async () => {
	watcher = await publish('Watch contacts (queue)', [
		triggerNode({ events: ['wix.contacts.v4.contact_updated'] }),
	]);
	const chain = webhookChain('queue-update', [
		{
			name: 'Write',
			type: 'n8n-nodes-wix-crm.wixContacts',
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' },
				updateFields: { jobTitle: '={{ $json.body.jobTitle }}' },
			},
			credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		},
	]);
	writer = await publish('Update contact (queue)', chain.nodes, chain.connections);
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks', { url: watcher.url, contentType: 'application/json' });
});

afterAll(async () => {
	for (const wf of [watcher, writer])
		if (wf) await n8n.api('POST', `/workflows/${wf.id}/unpublish`, {});
});

const update = async (id: string, jobTitle: string) =>
	(await callWebhook(writeUrl, { id, jobTitle })).status;

const byHand = async (id: string, jobTitle: string) => {
	const current = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${id}`, {
		revision: current.revision,
		info: { jobTitle },
	});
};

test('a worker’s write is dropped by the webhook processor; edits by hand, also after a failed write, are seen', async () => {
	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Queue' } } })
	).body.contact;
	expect(await update(c.id, 'Synced by a worker')).toBe(200);
	await byHand(c.id, 'Edited by hand');
	await admin(sandbox, 'POST', '/faults', {
		kind: 'status',
		status: 400,
		method: 'PATCH',
		pathPrefix: '/contacts/v4/contacts',
		times: 1,
	});
	expect(await update(c.id, 'Never saved')).toBe(500);
	await byHand(c.id, 'Edited again');
	expect(await update(c.id, 'Synced again')).toBe(200);
	const runs = await settled(watcher.id);
	const seen = runs
		.map(firstItem)
		.sort((a: any, b: any) => a.entity.revision - b.entity.revision)
		.map((e: any) => e.entity.info.jobTitle);
	expect(seen).toEqual(['Edited by hand', 'Edited again']);
	// Every write ran in a worker, not in the main process or the webhook processor.
	const writes = await n8n.executions(writer.id);
	expect(writes.length).toBe(3);
});
