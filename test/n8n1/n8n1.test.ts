/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The packed package in the newest n8n 1.x (on Node 22), installed the way the Community Nodes
// screen installs it: every node and credential type registers, a template runs against the
// sandbox, and a signed webhook from the sandbox starts one execution of an active Wix Trigger
// workflow. Where n8n 1.x differs from 2.x for these steps: the instance owner is claimed through
// /rest/owner/setup (1.x ignores 2.x's N8N_INSTANCE_OWNER_* variables), and a workflow is
// activated (POST …/activate), not published.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startExternalSystems, type ExternalSystems } from '../../sandbox/external';
import { startSandbox, type WixSandbox } from '../../sandbox/server';
import {
	OWNER,
	REPO_DIR,
	createN8n,
	packPackage,
	type N8nInstance,
} from '../../scripts/n8n-instance';
import { N8N1_RUNTIME } from '../../scripts/n8n-runtime';
import {
	e2eCredentials,
	nodeOutput,
	templateAsImported,
	triggerKit,
	waitFor,
	webhookLive,
} from '../e2e/fixtures';
import { admin, wix } from '../helpers/sandbox';
import { TEMPLATES, externalState } from '../scenarios/templates';

let work: string;
let sandbox: WixSandbox;
let external: ExternalSystems;
let n8n: N8nInstance;

/** n8n 1.x starts without an owner; the first user to claim it becomes the owner. */
async function claimOwner(instance: N8nInstance) {
	// 1.x reports ready before its REST routes exist: until then they answer 404.
	await waitFor(
		'n8n 1.x REST routes',
		async () => (await fetch(`${instance.url}/rest/settings`)).status,
		(status) => status === 200,
		{ timeoutMs: 60_000 },
	);
	const response = await fetch(`${instance.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			email: OWNER.email,
			password: OWNER.password,
			firstName: OWNER.firstName,
			lastName: OWNER.lastName,
		}),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'wix-n8n1-'));
	sandbox = await startSandbox({ seed: 'empty' });
	external = await startExternalSystems();
	n8n = await createN8n({ tarball: await packPackage(work), runtime: N8N1_RUNTIME });
	await n8n.importCredentials(e2eCredentials({ url: sandbox.url, creds: sandbox.creds }));
	await n8n.start();
	await claimOwner(n8n);
	await n8n.ensureApiKey();
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	await external?.close();
	for (const dir of [work, n8n?.userFolder]) if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await fetch(`${external.url}/reset`, { method: 'POST' });
});

test('runs n8n 1.x', async () => {
	const settings = await n8n.rest('GET', '/settings');
	expect(settings.data.versionCli).toBe(N8N1_RUNTIME.n8n);
});

test('every node and credential type in package.json is registered, under the package name', async () => {
	const pkg = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8'));
	// The type names come from the built classes, the same files n8n loads.
	const instances = async (files: string[]) =>
		await Promise.all(
			files.map(async (file) => {
				const exported = await import(join(REPO_DIR, file));
				const Type = Object.values(exported)[0] as new () => any;
				return new Type();
			}),
		);
	// n8n adds an AI-agent tool variant, <name>Tool, of each node marked usableAsTool.
	const nodeTypes = (await instances(pkg.n8n.nodes)).flatMap((n) => {
		const name = `${pkg.name}.${n.description.name}`;
		return n.description.usableAsTool ? [name, `${name}Tool`] : [name];
	});
	const credentialTypes = (await instances(pkg.n8n.credentials)).map((c) => c.name as string);
	expect(nodeTypes).toHaveLength(10);
	expect(credentialTypes).toHaveLength(3);

	// What the editor loads to fill its node panel and credential list.
	const typesFile = async (file: string) => {
		const response = await fetch(`${n8n.url}/types/${file}`, {
			headers: { Cookie: await n8n.session() },
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Array<{ name: string }>;
	};
	const registeredNodes = (await typesFile('nodes.json')).map((n) => n.name);
	const registeredCredentials = (await typesFile('credentials.json')).map((c) => c.name);
	expect(registeredNodes.filter((name) => name.startsWith(`${pkg.name}.`)).sort()).toEqual(
		[...nodeTypes].sort(),
	);
	expect(registeredCredentials).toEqual(expect.arrayContaining(credentialTypes));
});

test('a template runs: subscribed emails reach the email service, the others do not', async () => {
	for (const [first, status] of [
		['Yes', 'SUBSCRIBED'],
		['No', 'UNSUBSCRIBED'],
	]) {
		const email = `${first.toLowerCase()}@n8n1.test`;
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		});
		await wix(sandbox, 'POST', '/email-marketing/v1/email-subscriptions', {
			subscription: { email, subscriptionStatus: status },
		});
	}
	const { id, body } = templateAsImported(
		join(TEMPLATES, 'subscribed-emails-to-email-service.json'),
		external.url,
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();
	expect(nodeOutput(run, 'Subscribed Contacts')).toHaveLength(1);
	const { subscribers } = await externalState(external);
	expect(subscribers).toEqual([
		{ email: 'yes@n8n1.test', firstName: 'Yes', lastName: 'Test', tags: [] },
	]);
});

test('a signed webhook from Wix starts one execution of the active Wix Trigger workflow, with the event', async () => {
	const { triggerNode, settled, firstItem } = triggerKit(sandbox, n8n);
	const created = await n8n.api('POST', '/workflows', {
		name: 'Wix events (n8n 1.x)',
		nodes: [
			{
				...triggerNode({ events: ['wix.contacts.v4.contact_created'] }),
				webhookId: randomUUID(),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${created.id}/activate`, {});
	const trigger = created.nodes.find((n: any) => n.type === 'n8n-nodes-wix-crm.wixTrigger');
	const url = `${n8n.url}/webhook/${trigger.webhookId}/webhook`;
	await webhookLive(url);
	await admin(sandbox, 'POST', '/webhooks', { url, contentType: 'application/json' });

	const contact = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Ada' } } })
	).body.contact;
	const { deliveries } = await admin(sandbox, 'GET', '/webhooks/deliveries');
	expect(deliveries.map((d: any) => d.status)).toEqual([200]);
	const runs = await settled(created.id, { atLeast: 1 });
	expect(runs).toHaveLength(1);
	expect(firstItem(runs[0])).toMatchObject({
		eventType: 'wix.contacts.v4.contact_created',
		entityId: contact.id,
		instanceId: sandbox.creds.instanceId,
		entity: { id: contact.id, info: { name: { first: 'Ada' } } },
	});
	await n8n.api('POST', `/workflows/${created.id}/deactivate`, {});
});
