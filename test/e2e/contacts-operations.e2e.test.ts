/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Every Wix Contacts resource in a real n8n: one imported workflow chains the operations a user
// would combine, executed by n8n's CLI; then the sandbox's state is checked.
import { admin, wix } from '../helpers/sandbox';
import { contactsNode, e2e, manualWorkflow, nodeOutput, SITE_BACKEND_CREDENTIAL } from './fixtures';

const { sandbox, n8n } = e2e();
const once = { executeOnce: true };

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

test('labels, custom fields, create or update, labels on contacts, subscriptions, simplify, merge, triggered email', async () => {
	const other = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Duplicate' }, emails: { items: [{ email: 'ada.old@e2e.test' }] } },
		})
	).body.contact;
	const chain = [
		contactsNode(
			'Plan Field',
			{ resource: 'customField', operation: 'findOrCreate', displayName: 'Plan', dataType: 'TEXT' },
			once,
		),
		contactsNode(
			'VIP Label',
			{ resource: 'label', operation: 'findOrCreate', displayName: 'VIP' },
			once,
		),
		contactsNode(
			'Upsert',
			{
				resource: 'contact',
				operation: 'upsert',
				contactFields: {
					email: 'ada@e2e.test',
					firstName: 'Ada',
					labels: ['VIP'],
					customFields: { field: [{ key: 'Plan', value: 'Gold' }] },
				},
			},
			once,
		),
		contactsNode(
			'Upsert Again',
			{
				resource: 'contact',
				operation: 'upsert',
				contactFields: { email: 'ADA@e2e.test', company: 'Analytical Engines' },
			},
			once,
		),
		contactsNode(
			'Get By Email',
			{
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'email', value: 'ada@e2e.test' },
				simplify: true,
			},
			once,
		),
		contactsNode(
			'Add Labels',
			{
				resource: 'contact',
				operation: 'addLabels',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				labels: ['Fresh'],
				options: { createMissingLabels: true },
			},
			once,
		),
		contactsNode(
			'Remove Labels',
			{
				resource: 'contact',
				operation: 'removeLabels',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				labels: ['VIP'],
			},
			once,
		),
		contactsNode(
			'Subscribe',
			{
				resource: 'emailSubscription',
				operation: 'upsert',
				email: 'ada@e2e.test',
				subscriptionStatus: 'SUBSCRIBED',
			},
			once,
		),
		contactsNode(
			'Subscribed Only',
			{
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { subscriptionStatus: ['SUBSCRIBED'] },
				simplify: true,
			},
			once,
		),
		contactsNode(
			'Merge',
			{
				resource: 'contact',
				operation: 'merge',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				// A plain expression string, as workflows saved before Source Contacts became a
				// resource locator hold it (the two-way sync templates do).
				sourceContactIds: `={{ ['${other.id}'].join(',') }}`,
			},
			once,
		),
		contactsNode(
			'Send Email',
			{
				resource: 'contact',
				operation: 'sendTriggeredEmail',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				emailId: 'welcome',
				variables: {
					variable: [
						{ name: 'firstName', value: "={{ $('Get By Email').first().json.firstName }}" },
					],
				},
			},
			{ ...once, credentials: { wixSiteBackendApi: SITE_BACKEND_CREDENTIAL } },
		),
	];
	const connections: Record<string, string[]> = { Start: [chain[0].name] };
	chain.forEach((n, k) => {
		if (chain[k + 1]) connections[n.name] = [chain[k + 1].name];
	});
	const { id, body } = manualWorkflow('All contact operations', chain, connections);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	expect(nodeOutput(run, 'Plan Field')[0]).toMatchObject({ key: 'custom.plan', created: true });
	expect(nodeOutput(run, 'VIP Label')[0]).toMatchObject({ key: 'custom.vip', created: true });
	const [created] = nodeOutput(run, 'Upsert');
	expect(created).toMatchObject({
		action: 'created',
		info: {
			labelKeys: { items: ['custom.vip'] },
			extendedFields: { items: { 'custom.plan': 'Gold' } },
		},
	});
	expect(nodeOutput(run, 'Upsert Again')[0]).toMatchObject({
		action: 'updated',
		contactId: created.id,
		info: { name: { first: 'Ada' }, company: 'Analytical Engines' },
	});
	expect(nodeOutput(run, 'Get By Email')[0]).toMatchObject({
		id: created.id,
		firstName: 'Ada',
		labels: ['VIP'],
		customFields: { Plan: 'Gold' },
	});
	expect(nodeOutput(run, 'Add Labels')[0].info.labelKeys.items).toEqual([
		'custom.vip',
		'custom.fresh',
	]);
	expect(nodeOutput(run, 'Remove Labels')[0].info.labelKeys.items).toEqual(['custom.fresh']);
	expect(nodeOutput(run, 'Subscribe')[0]).toMatchObject({
		email: 'ada@e2e.test',
		subscriptionStatus: 'SUBSCRIBED',
	});
	expect(nodeOutput(run, 'Subscribed Only')).toEqual([
		expect.objectContaining({
			id: created.id,
			subscriptionStatus: 'SUBSCRIBED',
			labels: ['Fresh'],
		}),
	]);
	expect(nodeOutput(run, 'Merge')[0]).toMatchObject({
		id: created.id,
		mergedContactIds: [other.id],
	});
	expect(nodeOutput(run, 'Send Email')[0]).toMatchObject({
		contactId: created.id,
		emailId: 'welcome',
		sent: true,
	});

	const state = await admin(sandbox, 'GET', '/state');
	expect(state.contacts).toHaveLength(1);
	expect(state.contacts[0].info.emails.items.map((e: any) => e.email)).toEqual([
		'ada@e2e.test',
		'ada.old@e2e.test',
	]);
	expect((await admin(sandbox, 'GET', '/emails')).emails).toEqual([
		expect.objectContaining({
			emailId: 'welcome',
			contactId: created.id,
			variables: { firstName: 'Ada' },
		}),
	]);
});

test('Create or Update of many items in real n8n costs about one request per item', async () => {
	for (let k = 0; k < 60; k++)
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { emails: { items: [{ email: `old${k}@e2e.test` }] } },
		});
	await admin(sandbox, 'DELETE', '/requests');
	// A fresh per-minute window: the run below needs 182 of the site's 200 requests.
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 200 });
	const makeItems = {
		id: 'make-items',
		name: 'Make Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [100, 0],
		parameters: {
			jsCode:
				'return Array.from({ length: 180 }, (_, k) => ({ json: { email: k % 2 ? `old${((k - 1) / 2) % 60}@e2e.test` : `new${k}@e2e.test`, n: k } }));',
		},
	};
	const upsert = contactsNode('Upsert Many', {
		resource: 'contact',
		operation: 'upsert',
		contactFields: { email: '={{ $json.email }}', firstName: '={{ "N" + $json.n }}' },
		options: {},
	});
	const { id, body } = manualWorkflow('Upsert many', [makeItems, upsert], {
		Start: ['Make Items'],
		'Make Items': ['Upsert Many'],
	});
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	const out = nodeOutput(run, 'Upsert Many');
	expect(out).toHaveLength(180);
	// Odd items name old0..old59 (30 of them twice): 90 updates of existing contacts; even items are new.
	expect(out.filter((o) => o.action === 'updated')).toHaveLength(90);
	expect(out.filter((o) => o.action === 'created')).toHaveLength(90);
	const { total, counts } = await admin(sandbox, 'GET', '/counts');
	expect(counts['POST /contacts/v4/contacts/query']).toBe(2);
	// 180 writes, 2 look-ups, and once per site the sync-mark field (listed, then created).
	expect(total).toBe(184);
	expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(150);
});
