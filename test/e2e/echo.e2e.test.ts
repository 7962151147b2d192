/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Ignore Own Writes in a real n8n: the Wix Trigger drops the events our own successful writes cause,
// and never a genuine change — not after one of our writes failed, and not another writer's change
// that raced ours. The writes run in published workflows of the same n8n, as a sync's would.
import { admin, wix } from '../helpers/sandbox';
import {
	API_KEY_CREDENTIAL,
	callWebhook,
	e2e,
	triggerKit,
	webhookChain,
	unpublish,
} from './fixtures';

const { sandbox, n8n } = e2e();
const { publish, triggerNode, settled, firstItem } = triggerKit(sandbox, n8n);

/** A published workflow: a Webhook node at `path` runs one Wix Contacts operation on its body. */
async function writer(path: string, parameters: Record<string, unknown>) {
	const chain = webhookChain(path, [
		{
			name: 'Write',
			type: 'n8n-nodes-wix-crm.wixContacts',
			typeVersion: 1,
			parameters: { resource: 'contact', ...parameters },
			credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		},
	]);
	const wf = await publish(`Writer ${path}`, chain.nodes, chain.connections);
	/** Runs the write and answers n8n's HTTP status. */
	const run = async (body: Record<string, unknown>) =>
		(await callWebhook(`${n8n.url}/webhook/${path}`, body)).status;
	return { ...wf, run };
}

const byHand = async (id: string, info: Record<string, unknown>) => {
	const current = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
	return (
		await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${id}`, { revision: current.revision, info })
	).body.contact;
};

let watcher: { id: string; url: string };
let update: Awaited<ReturnType<typeof writer>>;
let create: Awaited<ReturnType<typeof writer>>;

beforeAll(async () => {
	watcher = await publish('Watch contacts', [
		triggerNode({ events: ['wix.contacts.v4.contact_created', 'wix.contacts.v4.contact_updated'] }),
	]);
	update = await writer('echo-update', {
		operation: 'update',
		contactId: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' },
		updateFields: { jobTitle: '={{ $json.body.jobTitle }}' },
	});
	create = await writer('echo-create', {
		operation: 'create',
		contactFields: { email: '={{ $json.body.email }}', firstName: 'By n8n' },
	});
});

afterAll(async () => {
	for (const wf of [watcher, update, create]) if (wf) await unpublish({ sandbox, n8n }, wf.id);
});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks', { url: watcher.url, contentType: 'application/json' });
});

const executionIds = async () => new Set((await settled(watcher.id)).map((e: any) => String(e.id)));

/** The events the watcher turned into executions since `before`, in revision order. */
async function seen(before: Set<string>) {
	const runs = (await settled(watcher.id)).filter((e: any) => !before.has(String(e.id)));
	return runs
		.map(firstItem)
		.sort((a: any, b: any) => Number(a.entity?.revision ?? 0) - Number(b.entity?.revision ?? 0))
		.map((e: any) => [
			e.slug,
			e.entity?.info?.jobTitle ?? e.entity?.info?.company ?? e.entity?.primaryInfo?.email ?? null,
		]);
}

test('our successful update is dropped; a person’s edit right after our failed update is not', async () => {
	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Ada' } } })
	).body.contact;
	const before = await executionIds();
	expect(await update.run({ id: c.id, jobTitle: 'Synced' })).toBe(200);
	await admin(sandbox, 'POST', '/faults', {
		kind: 'status',
		status: 400,
		method: 'PATCH',
		pathPrefix: '/contacts/v4/contacts',
		times: 1,
	});
	expect(await update.run({ id: c.id, jobTitle: 'Never saved' })).toBe(500);
	await byHand(c.id, { jobTitle: 'Edited by hand' });
	expect(await seen(before)).toEqual([['updated', 'Edited by hand']]);
});

test('a visitor signing up with the email our failed create had is seen', async () => {
	const before = await executionIds();
	await admin(sandbox, 'POST', '/faults', {
		kind: 'status',
		status: 400,
		method: 'POST',
		pathPrefix: '/contacts/v4/contacts',
		times: 1,
	});
	expect(await create.run({ email: 'visitor@e2e.test' })).toBe(500);
	await wix(sandbox, 'POST', '/contacts/v4/contacts', {
		info: { emails: { items: [{ email: 'visitor@e2e.test' }] } },
	});
	expect(await create.run({ email: 'ours@e2e.test' })).toBe(200);
	expect(await seen(before)).toEqual([['created', 'visitor@e2e.test']]);
});

test('another writer’s change that raced our update is seen; ours is not', async () => {
	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Race' } } })
	).body.contact;
	const before = await executionIds();
	await admin(sandbox, 'POST', '/faults', {
		kind: 'concurrentUpdate',
		method: 'PATCH',
		times: 1,
		info: { company: 'Theirs' },
	});
	expect(await update.run({ id: c.id, jobTitle: 'Ours' })).toBe(200);
	const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
	expect(stored.info).toMatchObject({ company: 'Theirs', jobTitle: 'Ours' });
	expect(await seen(before)).toEqual([['updated', 'Theirs']]);
});
