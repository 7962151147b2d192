/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Trigger's Automation source in real n8n: activation registers one automation (removing
// leftovers of the same node), its deliveries need the node's secret, and deactivation removes it.
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, waitFor } from './fixtures';

const { sandbox, n8n } = e2e();
const CONTACTS_APP = '74bff718-5977-47f2-9e5f-a9fd0047fd1f';

const executions = (workflowId: string) => n8n.executions(workflowId);

/** A workflow whose Wix Trigger registers an automation for `triggerKey` (created, not published). */
async function automationWorkflow(name: string, triggerKey: string) {
	return await n8n.api('POST', '/workflows', {
		name,
		nodes: [
			{
				name: 'Wix Trigger',
				type: 'n8n-nodes-wix-crm.wixTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					source: 'automation',
					authentication: 'apiKey',
					automationTrigger: triggerKey,
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
}

function automationPostingTo(url: string) {
	return {
		automation: {
			name: 'left over from an earlier activation',
			configuration: {
				status: 'ACTIVE',
				trigger: {
					appId: CONTACTS_APP,
					triggerKey: 'contacts-new_contact_was_created',
					filters: [],
				},
				rootActionIds: ['a1'],
				actions: {
					a1: {
						id: 'a1',
						type: 'APP_DEFINED',
						appDefinedInfo: {
							appId: '139ef4fa-c108-8f9a-c7be-d5f492a2c939',
							actionKey: 'webhooks-action',
							inputMapping: { url, method: 'POST' },
						},
					},
				},
			},
		},
	};
}

test('registers one automation, runs once per contact, refuses calls without its secret, and cleans up', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const created = await automationWorkflow(
		'Wix Automation trigger',
		'contacts-new_contact_was_created',
	);
	const url = `${n8n.url}/webhook/${created.nodes[0].webhookId}/webhook`;
	// A leftover of this node (say, n8n crashed before deactivating) and someone else's automation.
	await wix(
		sandbox,
		'POST',
		'/automations-service/v2/automations',
		automationPostingTo(`${url}?secret=stale`),
	);
	await wix(
		sandbox,
		'POST',
		'/automations-service/v2/automations',
		automationPostingTo('https://example.com/other-hook'),
	);

	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const listAutomations = async () =>
		(await admin(sandbox, 'GET', '/automations')).automations as any[];
	let automations = await waitFor('our automation', listAutomations, (list) =>
		list.some((a) => a.name.startsWith('n8n:')),
	);
	const urls = automations.map(
		(a) => Object.values<any>(a.configuration.actions)[0].appDefinedInfo.inputMapping.url as string,
	);
	expect(urls).toHaveLength(2);
	expect(urls).toContain('https://example.com/other-hook');
	const ours = urls.find((u) => u.startsWith(url))!;
	expect(ours).toMatch(/\?secret=[0-9a-f]{48}$/);

	expect(
		(
			await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{"data":{"contactId":"forged"}}',
			})
		).status,
	).toBe(401);
	expect(
		(
			await fetch(`${url}?secret=stale`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{"data":{}}',
			})
		).status,
	).toBe(401);

	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
	const contact = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Automated' }, emails: { items: [{ email: 'auto@e2e.test' }] } },
		})
	).body.contact;
	await admin(sandbox, 'GET', '/webhooks/deliveries');
	await waitFor(
		'an execution',
		() => executions(created.id),
		(runs) => runs.length > 0,
		{ timeoutMs: 10_000, everyMs: 500 },
	);
	// A second copy of the delivery would start a second execution within this second.
	await new Promise((r) => setTimeout(r, 1000));
	const runs = await executions(created.id);
	expect(runs).toHaveLength(1);
	const item = runs[0].data.resultData.runData['Wix Trigger'][0].data.main[0][0].json;
	expect(item).toMatchObject({
		eventType: 'contacts-new_contact_was_created',
		source: 'automation',
		data: { contactId: contact.id, contact: { email: 'auto@e2e.test' } },
	});

	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
	automations = await waitFor(
		'our automation removed',
		listAutomations,
		(list) => list.length === 1,
	);
	expect(
		automations.map(
			(a) => Object.values<any>(a.configuration.actions)[0].appDefinedInfo.inputMapping.url,
		),
	).toEqual(['https://example.com/other-hook']);
});

test('a label added, removed and added again runs twice, and each delivery sent twice runs once', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const created = await automationWorkflow(
		'Wix Automation: label added',
		'contacts-label_added_to_contact',
	);
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
	await admin(sandbox, 'GET', '/webhooks/deliveries');
	await wix(sandbox, 'DELETE', `${labels}?labelKeys=${vip.key}`);
	await wix(sandbox, 'POST', labels, { labelKeys: [vip.key] });
	await admin(sandbox, 'GET', '/webhooks/deliveries');
	await waitFor(
		'two executions',
		() => executions(created.id),
		(runs) => runs.length >= 2,
		{ timeoutMs: 10_000, everyMs: 500 },
	);
	// A copy that got through would start a third execution within this second.
	await new Promise((r) => setTimeout(r, 1000));
	expect(await executions(created.id)).toHaveLength(2);
	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
});
