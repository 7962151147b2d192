/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Trigger's Automation source in real n8n: activation registers one automation (removing
// leftovers of the same node), its deliveries need the node's secret, and deactivation removes it.
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, waitFor, unpublish } from './fixtures';

const { sandbox, n8n } = e2e();
const CONTACTS_APP = '74bff718-5977-47f2-9e5f-a9fd0047fd1f';

const executions = (workflowId: string) => n8n.executions(workflowId);

/**
 * A workflow whose Wix Trigger registers an automation for `triggerKey` (created, not published):
 * by default a version 1 node as saved before the Area parameter; `area` makes it a version 2 node.
 */
async function automationWorkflow(name: string, triggerKey: string, area?: string) {
	return await n8n.api('POST', '/workflows', {
		name,
		nodes: [
			{
				name: 'Wix Trigger',
				type: 'n8n-nodes-wix-crm.wixTrigger',
				typeVersion: area ? 2 : 1,
				position: [0, 0],
				parameters: {
					source: 'automation',
					authentication: 'apiKey',
					...(area ? { automationArea: area } : {}),
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

	await unpublish({ sandbox, n8n }, created.id);
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
	await unpublish({ sandbox, n8n }, created.id);
});

/** Publishes `workflowId` and waits until its automation for `triggerKey` is registered. */
async function publishAndWait(workflowId: string, triggerKey: string) {
	await n8n.api('POST', `/workflows/${workflowId}/publish`, {});
	await waitFor(
		`the automation for ${triggerKey}`,
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.some((a) => a.configuration.trigger.triggerKey === triggerKey),
	);
}

/** The trigger item of the one execution `workflowId` gets (a second within a second fails). */
async function onlyRun(workflowId: string) {
	await waitFor(
		'an execution',
		() => executions(workflowId),
		(runs) => runs.length > 0,
		{
			timeoutMs: 10_000,
			everyMs: 500,
		},
	);
	await new Promise((r) => setTimeout(r, 1000));
	const runs = await executions(workflowId);
	expect(runs).toHaveLength(1);
	return runs[0].data.resultData.runData['Wix Trigger'][0].data.main[0][0].json;
}

test('version 2 nodes by area: member blocked, contact enters segment and task overdue each run once', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const cases = [
		['members', 'wix_members-member_blocked'],
		['contacts', 'segments-contact_enters_segment'],
		['tasks', 'tasks-task_overdue'],
	] as const;
	const workflows: Record<string, any> = {};
	for (const [area, key] of cases) {
		workflows[key] = await automationWorkflow(`Wix Automation: ${key}`, key, area);
		await publishAndWait(workflows[key].id, key);
	}
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });

	const contact = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Blocked' }, emails: { items: [{ email: 'blocked@e2e.test' }] } },
		})
	).body.contact;
	const { member } = await admin(sandbox, 'POST', '/members', { contactId: contact.id });
	expect(
		(await wix(sandbox, 'POST', `/members/v1/members/${member.id}/block`, {})).body.member.status,
	).toBe('BLOCKED');
	const { segment } = await admin(sandbox, 'POST', '/segments', { name: 'Lapsed' });
	await admin(sandbox, 'POST', `/segments/${segment.id}/contacts`, { contactId: contact.id });
	const { task } = (
		await wix(sandbox, 'POST', '/tasks/v2/tasks', {
			task: {
				title: 'Win Blocked back',
				dueDate: new Date(Date.now() - 60_000).toISOString(),
				contact: { id: contact.id },
			},
		})
	).body;
	expect((await admin(sandbox, 'POST', '/tasks/check-overdue', {})).overdue).toEqual([task.id]);
	await admin(sandbox, 'GET', '/webhooks/deliveries');

	expect(await onlyRun(workflows['wix_members-member_blocked'].id)).toMatchObject({
		eventType: 'wix_members-member_blocked',
		source: 'automation',
		data: { memberId: member.id, contactId: contact.id, status: 'BLOCKED' },
	});
	expect(await onlyRun(workflows['segments-contact_enters_segment'].id)).toMatchObject({
		eventType: 'segments-contact_enters_segment',
		data: { contactId: contact.id, segmentId: segment.id, segmentName: 'Lapsed' },
	});
	expect(await onlyRun(workflows['tasks-task_overdue'].id)).toMatchObject({
		eventType: 'tasks-task_overdue',
		data: { taskId: task.id, title: 'Win Blocked back', contactId: contact.id },
	});
	for (const { id } of Object.values(workflows)) await unpublish({ sandbox, n8n }, id);
	await waitFor(
		'the automations removed',
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.length === 0,
	);
});

test('a version 1 node saved before the Area parameter, on a loyalty trigger, still registers and runs', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const key = 'wix_loyalty-points_about_to_expire';
	const created = await automationWorkflow('Wix Automation: saved v1', key);
	expect(created.nodes[0].typeVersion).toBe(1);
	await publishAndWait(created.id, key);
	await wix(sandbox, 'POST', '/loyalty-programs/v1/program/activate');
	const contact = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Saved' } } })
	).body.contact;
	const { account } = (
		await wix(sandbox, 'POST', '/loyalty-accounts/v1/accounts', { contactId: contact.id })
	).body;
	await wix(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${account.id}/earn-points`, {
		amount: 50,
		appId: 'e2e',
		idempotencyKey: 'saved-v1',
	});
	await admin(sandbox, 'POST', `/loyalty/accounts/${account.id}/expiring`, { points: 20 });
	expect(await onlyRun(created.id)).toMatchObject({
		eventType: key,
		data: { accountId: account.id, contactId: contact.id, pointsToExpire: 20 },
	});
	await unpublish({ sandbox, n8n }, created.id);
});
