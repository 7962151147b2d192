/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Trigger in a real, published n8n workflow: signed webhooks from the sandbox start exactly
// one execution per event; forgeries start none; a write-back by our own node does not loop.
import { generateSigningKey, signJwt, buildEventJwt } from '../../sandbox/core/webhookJwt';
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, triggerKit, unpublish } from './fixtures';

const { sandbox, n8n } = e2e();

const { publish, triggerNode, settled, firstItem } = triggerKit(sandbox, n8n);

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
});

test('each signed event starts one execution, whether sent as application/json or text/plain, despite duplicates', async () => {
	const wf = await publish('Wix events', [
		triggerNode({
			events: [
				'wix.contacts.v4.contact_created',
				'wix.contacts.v4.contact_updated',
				'wix.contacts.v4.contact_deleted',
			],
		}),
	]);
	// Every event reaches n8n twice (once per content type), and each delivery is repeated: four copies.
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'application/json' });
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'text/plain' });
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });

	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Ada' } } })
	).body.contact;
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${c.id}`, {
		revision: 1,
		info: { company: 'AE' },
	});
	await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName: 'Not selected' });
	await wix(sandbox, 'DELETE', `/contacts/v4/contacts/${c.id}`);

	const { deliveries } = await admin(sandbox, 'GET', '/webhooks/deliveries');
	expect(deliveries).toHaveLength(16);
	expect(deliveries.map((d: any) => d.status)).toEqual(Array(16).fill(200));
	const runs = await settled(wf.id);
	const events = runs
		.map(firstItem)
		.sort((a: any, b: any) => Number(a.entityEventSequence) - Number(b.entityEventSequence));
	expect(events.map((e: any) => e.eventType)).toEqual([
		'wix.contacts.v4.contact_created',
		'wix.contacts.v4.contact_updated',
		'wix.contacts.v4.contact_deleted',
	]);
	expect(events[0]).toMatchObject({
		entityId: c.id,
		slug: 'created',
		instanceId: sandbox.creds.instanceId,
		entity: { id: c.id, info: { name: { first: 'Ada' } } },
	});
	expect(events[1].entity.info.company).toBe('AE');
	expect(events[2]).toMatchObject({ entityId: c.id, entity: null });
	await unpublish({ sandbox, n8n }, wf.id);
});

test('forged, foreign, expired, unsigned, oversized and non-JWT bodies are refused and start nothing', async () => {
	const wf = await publish('Wix events (attacks)', [triggerNode()]);
	const send = async (body: string | Buffer, contentType = 'text/plain') =>
		(await fetch(wf.url, { method: 'POST', headers: { 'Content-Type': contentType }, body }))
			.status;
	const site = {
		instanceId: sandbox.creds.instanceId,
		siteId: sandbox.creds.siteId,
		accountId: sandbox.creds.accountId,
	};
	const event = {
		entityFqdn: 'wix.contacts.v4.contact',
		slug: 'created',
		entityId: 'x',
		body: { createdEvent: { entity: { id: 'x' } } },
	};
	const attacker = generateSigningKey();
	const forged = buildEventJwt(event, site, {}, attacker, 1).jwt;
	const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
	const genuine = (await admin(sandbox, 'GET', '/public-key')).publicKey as string;
	const payload = forged.split('.')[1];
	const now = Math.floor(Date.now() / 1000);

	expect(await send(forged)).toBe(401);
	expect(await send(forged, 'application/json')).toBe(401);
	expect(await send(`${b64({ alg: 'none' })}.${payload}.`)).toBe(401);
	const { createHmac } = await import('node:crypto');
	const hsHeader = b64({ alg: 'HS256', typ: 'JWT' });
	expect(
		await send(
			`${hsHeader}.${payload}.${createHmac('sha256', genuine).update(`${hsHeader}.${payload}`).digest('base64url')}`,
		),
	).toBe(401);
	expect(await send('{"eventType":"wix.contacts.v4.contact_created"}', 'application/json')).toBe(
		401,
	);
	expect(
		await send(signJwt({ data: { not: 'a string' }, exp: now + 60 }, attacker.privateKey, 'k')),
	).toBe(401);
	expect(await send(Buffer.alloc(2 * 1024 * 1024, 'a'))).toBe(413);
	// Over n8n's own body limit (16 MB), and a header whose algorithm is an object that cannot be
	// printed: each once made an error execution with a stack trace.
	expect(await send(Buffer.alloc(17 * 1024 * 1024, 'a'))).toBe(413);
	expect(await send(`${b64({ alg: { toString: 1 } })}.${payload}.c2ln`)).toBe(401);
	expect(await send(`${b64({ alg: 'RS256' })}.${payload}.%%%`)).toBe(401);
	// A genuine delivery still gets through (expired and other-instance tokens: see the unit tests).
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url });
	await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Genuine' } } });
	const runs = await settled(wf.id);
	expect(runs).toHaveLength(1);
	expect(firstItem(runs[0]).entity.info.name.first).toBe('Genuine');
	await unpublish({ sandbox, n8n }, wf.id);
});

test('a 2-way sync does not loop: the write-back of our own node comes back and is dropped', async () => {
	const writeBack = {
		name: 'Write Back',
		type: 'n8n-nodes-wix-crm.wixContacts',
		typeVersion: 1,
		position: [240, 0],
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: { __rl: true, mode: 'id', value: '={{ $json.entityId }}' },
			updateFields: { jobTitle: 'Synced' },
		},
		credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
	};
	const wf = await publish(
		'Echo suppression',
		[triggerNode({ events: ['wix.contacts.v4.contact_updated'] }), writeBack],
		{
			'Wix Trigger': { main: [[{ node: 'Write Back', type: 'main', index: 0 }]] },
		},
	);
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'application/json' });
	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Loop' } } })
	).body.contact;
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${c.id}`, {
		revision: 1,
		info: { company: 'Changed in Wix' },
	});

	const runs = await settled(wf.id);
	expect(runs).toHaveLength(1);
	const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
	expect(stored).toMatchObject({
		revision: 3,
		info: { company: 'Changed in Wix', jobTitle: 'Synced' },
	});
	const updates = (await admin(sandbox, 'GET', '/webhooks/deliveries')).deliveries.filter(
		(d: any) => d.eventType === 'wix.contacts.v4.contact_updated',
	);
	expect(updates).toHaveLength(2);
	await unpublish({ sandbox, n8n }, wf.id);
});

test('every event ID the trigger took reaches n8n’s database, also for deliveries arriving together', async () => {
	const wf = await publish('Wix events (dedupe store)', [
		triggerNode({ events: ['wix.contacts.v4.contact_created'] }),
	]);
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'application/json' });
	for (let k = 0; k < 4; k++) {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: `One by one ${k}` } },
		});
		await settled(wf.id);
	}
	await Promise.all(
		Array.from({ length: 6 }, (_, k) =>
			wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: `Together ${k}` } } }),
		),
	);
	const runs = await settled(wf.id);
	expect(runs).toHaveLength(10);
	const taken = runs.map((run: any) => firstItem(run).eventId).sort();
	// What a restarted n8n, or another of its processes, reads: the workflow's saved static data.
	const saved = (await n8n.api('GET', `/workflows/${wf.id}`)).staticData['node:Wix Trigger']
		.seenEventIds;
	expect([...saved].sort()).toEqual(taken);
	await unpublish({ sandbox, n8n }, wf.id);
});
