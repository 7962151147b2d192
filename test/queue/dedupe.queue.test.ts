/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix's redeliveries where n8n is scaled out: a delivery Wix took for lost reaches a webhook
// processor that never saw it (restarted, or another one behind the load balancer), which knows
// only what n8n's database holds. Each must start no second execution; genuine repeats still run.
import { N8nQueue } from '../../scripts/n8n-queue';
import type { N8nInstance } from '../../scripts/n8n-instance';
import { API_KEY_CREDENTIAL, waitFor } from '../e2e/fixtures';
import { admin, wix } from '../helpers/sandbox';
import { queueMode } from './fixtures';

const { sandbox, n8n, publish, triggerNode, settled } = queueMode();

const processes = new N8nQueue();
let fresh: N8nInstance;

beforeAll(async () => {
	fresh = await processes.startWebhookProcessor(n8n.describe());
});

afterAll(async () => {
	await processes.stop();
});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
});

const redeliver = async (origin?: string) =>
	(await admin(sandbox, 'POST', '/webhooks/redeliver', origin ? { origin } : {})).redelivered;

test('app webhooks: redeliveries to the same and to a fresh webhook processor start nothing', async () => {
	const wf = await publish('Wix events (queue dedupe)', [
		triggerNode({ events: ['wix.contacts.v4.contact_created'] }),
	]);
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'application/json' });
	for (let k = 0; k < 3; k++) {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: `Q${k}` } } });
		await settled(wf.id);
	}
	expect(await settled(wf.id)).toHaveLength(3);

	expect(await redeliver(fresh.url)).toBe(3);
	expect(await redeliver()).toBe(3);
	expect(await settled(wf.id)).toHaveLength(3);

	await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'New' } } });
	expect(await settled(wf.id)).toHaveLength(4);
	await n8n.api('POST', `/workflows/${wf.id}/unpublish`, {});
});

test('Automations: a label added, removed and added again runs twice, also after redeliveries to a fresh processor', async () => {
	const created = await n8n.api('POST', '/workflows', {
		name: 'Wix Automation: label added (queue)',
		nodes: [
			{
				name: 'Wix Trigger',
				type: 'n8n-nodes-wix-crm.wixTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					source: 'automation',
					authentication: 'apiKey',
					automationTrigger: 'contacts-label_added_to_contact',
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	await waitFor(
		'our automation',
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.some((a) => a.name.startsWith('n8n:')),
	);
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
	const contact = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Labelled' } } })
	).body.contact;
	const vip = (await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName: 'VIP' })).body
		.label;
	const labels = `/contacts/v4/contacts/${contact.id}/labels`;
	await wix(sandbox, 'POST', labels, { labelKeys: [vip.key] });
	await settled(created.id);
	await wix(sandbox, 'DELETE', `${labels}?labelKeys=${vip.key}`);
	await wix(sandbox, 'POST', labels, { labelKeys: [vip.key] });
	expect(await settled(created.id)).toHaveLength(2);

	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 1 });
	expect(await redeliver(fresh.url)).toBe(2);
	expect(await settled(created.id)).toHaveLength(2);
	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
});
