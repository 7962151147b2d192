/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The sandbox over HTTP: the Wix behaviours the nodes rely on, so a lenient sandbox fails here.
import { createServer, type Server } from 'node:http';
import { createPublicKey, verify } from 'node:crypto';

import { admin, loyaltyKit, useTestSandbox, wix } from '../helpers/sandbox';

const sandbox = useTestSandbox();
beforeEach(async () => {
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 0 });
	await admin(sandbox, 'DELETE', '/webhooks');
});

async function raw(path: string, init: RequestInit = {}) {
	const response = await fetch(`${sandbox.url}${path}`, init);
	return {
		status: response.status,
		headers: response.headers,
		body: (await response.json()) as any,
	};
}

describe('authentication', () => {
	it('rejects a missing key, a Bearer prefix, and a missing or foreign site ID', async () => {
		expect((await raw('/contacts/v4/contacts')).status).toBe(401);
		const bearer = await raw('/contacts/v4/contacts', {
			headers: {
				Authorization: `Bearer ${sandbox.creds.apiKey}`,
				'wix-site-id': sandbox.creds.siteId,
			},
		});
		expect(bearer.status).toBe(401);
		expect(bearer.body.message).toMatch(/without "Bearer "/);
		expect(
			(await raw('/contacts/v4/contacts', { headers: { Authorization: sandbox.creds.apiKey } }))
				.status,
		).toBe(403);
		expect(
			(
				await raw('/contacts/v4/contacts', {
					headers: { Authorization: sandbox.creds.apiKey, 'wix-site-id': 'x' },
				})
			).status,
		).toBe(403);
	});

	it('mints client-credentials tokens from a JSON body only, and they expire', async () => {
		const body = {
			grant_type: 'client_credentials',
			client_id: sandbox.creds.appId,
			client_secret: sandbox.creds.appSecret,
			instance_id: sandbox.creds.instanceId,
		};
		const form = await raw('/oauth2/token', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(body).toString(),
		});
		expect(form.status).toBe(400);
		const minted = await raw('/oauth2/token', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(minted.status).toBe(200);
		expect(minted.body).toMatchObject({ token_type: 'Bearer', expires_in: 14400 });
		const token = minted.body.access_token as string;
		expect(
			(await raw('/apps/v1/instance', { headers: { Authorization: token } })).body.instance
				.instanceId,
		).toBe(sandbox.creds.instanceId);
		await admin(sandbox, 'POST', '/tokens/expire');
		const expired = await raw('/apps/v1/instance', { headers: { Authorization: token } });
		expect(expired.status).toBe(401);
		expect(expired.body.message).toMatch(/expired/);
	});

	it('answers every response, errors included, with an X-Wix-Request-Id', async () => {
		const ok = await raw('/contacts/v4/contacts', {
			headers: { Authorization: sandbox.creds.apiKey, 'wix-site-id': sandbox.creds.siteId },
		});
		const bad = await raw('/contacts/v4/contacts');
		expect(ok.headers.get('x-wix-request-id')).toMatch(/[0-9a-f-]{36}/);
		expect(bad.headers.get('x-wix-request-id')).toMatch(/[0-9a-f-]{36}/);
		expect(ok.headers.get('x-wix-request-id')).not.toBe(bad.headers.get('x-wix-request-id'));
	});
});

describe('rate limit', () => {
	it('answers 429 RESOURCE_EXHAUSTED past the per-minute budget of the site', async () => {
		await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 5, sendRetryAfter: true });
		const statuses: number[] = [];
		for (let k = 0; k < 7; k++)
			statuses.push((await wix(sandbox, 'GET', '/contacts/v4/contacts')).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
		const limited = await raw('/contacts/v4/contacts', {
			headers: { Authorization: sandbox.creds.apiKey, 'wix-site-id': sandbox.creds.siteId },
		});
		expect(limited.body.details.applicationError.code).toBe('RESOURCE_EXHAUSTED');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});

describe('contacts', () => {
	it('validates what Wix validates', async () => {
		const cases: Array<[unknown, RegExp]> = [
			[
				{ name: { first: 'A' }, phones: { items: [{ phone: 'call me' }] } },
				/info.phones.items\[0\].phone/,
			],
			[{ name: { first: 'A' }, birthdate: '1990-02-30' }, /info.birthdate/],
			[
				{
					name: { first: 'A' },
					addresses: { items: [{ address: { subdivision: 'NY', country: 'US' } }] },
				},
				/subdivision/,
			],
			[
				{ name: { first: 'A' }, labelKeys: { items: ['custom.nope'] } },
				/custom.nope.{0,4} does not exist/,
			],
			[
				{ name: { first: 'A' }, extendedFields: { items: { 'custom.nope': 'x' } } },
				/INVALID_EXTENDED_FIELD_VALUE|does not exist/,
			],
			[
				{
					name: { first: 'A' },
					extendedFields: { items: { 'emailSubscriptions.subscriptionStatus': 'SUBSCRIBED' } },
				},
				/read-only/,
			],
			[
				{
					emails: {
						items: [
							{ email: 'a@x.co', primary: true },
							{ email: 'b@x.co', primary: true },
						],
					},
				},
				/CANNOT_HAVE_MULTIPLE_PRIMARY_INFO/,
			],
			[{ company: 'Only a company' }, /INSUFFICIENT_CONTACT_DATA/],
		];
		for (const [info, expected] of cases) {
			const { status, body } = await wix(sandbox, 'POST', '/contacts/v4/contacts', { info });
			expect(status).toBe(400);
			expect(JSON.stringify(body)).toMatch(expected);
		}
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(0);
	});

	it('checks custom field values against their data type', async () => {
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
			displayName: 'Score',
			dataType: 'NUMBER',
		});
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
			displayName: 'Renewal',
			dataType: 'DATE',
		});
		await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
			displayName: 'Site',
			dataType: 'URL',
		});
		const bad = await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'A' }, extendedFields: { items: { 'custom.score': 'ten' } } },
		});
		expect(bad.body.details.applicationError.code).toBe('INVALID_EXTENDED_FIELD_VALUE');
		const badDate = await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'A' }, extendedFields: { items: { 'custom.renewal': '01/02/2026' } } },
		});
		expect(badDate.status).toBe(400);
		const good = await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: {
				name: { first: 'A' },
				extendedFields: {
					items: {
						'custom.score': 10,
						'custom.renewal': '2026-02-01',
						'custom.site': 'example.com',
					},
				},
			},
		});
		expect(good.body.contact.info.extendedFields.items).toMatchObject({
			'custom.score': 10,
			'custom.site': 'https://example.com',
			'contacts.displayByFirstName': 'A',
		});
	});

	it('merges: target wins, lists are unioned, sources are gone and Get answers MERGED for them', async () => {
		const target = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', {
				info: { name: { first: 'Ada' }, emails: { items: [{ email: 'ada@x.co' }] } },
			})
		).body.contact;
		const source = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', {
				info: {
					name: { first: 'Augusta' },
					company: 'AE',
					emails: { items: [{ email: 'ada@y.co' }] },
				},
			})
		).body.contact;
		const stale = await wix(sandbox, 'POST', `/contacts/v4/contacts/${target.id}/merge`, {
			targetContactRevision: 9,
			sourceContactIds: [source.id],
		});
		expect(stale.status).toBe(409);
		const merged = await wix(sandbox, 'POST', `/contacts/v4/contacts/${target.id}/merge`, {
			targetContactRevision: 1,
			sourceContactIds: [source.id],
		});
		expect(merged.status).toBe(200);
		expect(merged.body.contact).toMatchObject({
			revision: 2,
			info: { name: { first: 'Ada' }, company: 'AE' },
			primaryInfo: { email: 'ada@x.co' },
		});
		expect(merged.body.contact.info.emails.items.map((e: any) => e.email)).toEqual([
			'ada@x.co',
			'ada@y.co',
		]);
		const got = await wix(sandbox, 'GET', `/contacts/v4/contacts/${source.id}`);
		expect(got.body).toMatchObject({ responseType: 'MERGED', contact: { id: target.id } });
	});

	it('refuses a member as a merge source and keeps everything', async () => {
		const a = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'A' } } })
		).body.contact;
		const m = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'M' } } })
		).body.contact;
		await admin(sandbox, 'POST', `/contacts/${m.id}/role`, { member: true });
		const refused = await wix(sandbox, 'POST', `/contacts/v4/contacts/${a.id}/merge`, {
			targetContactRevision: 1,
			sourceContactIds: [m.id],
		});
		expect(refused.status).toBe(428);
		expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(2);
	});

	it('labels and unlabels with existing keys only, bumping the revision', async () => {
		const c = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'A' } } })
		).body.contact;
		const { label, newLabel } = (
			await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName: 'Big Spender' })
		).body;
		expect(label.key).toBe('custom.big-spender');
		expect(newLabel).toBe(true);
		expect(
			(await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName: 'Big Spender' })).body
				.newLabel,
		).toBe(false);
		expect(
			(
				await wix(sandbox, 'POST', `/contacts/v4/contacts/${c.id}/labels`, {
					labelKeys: ['custom.unknown'],
				})
			).status,
		).toBe(400);
		const labelled = await wix(sandbox, 'POST', `/contacts/v4/contacts/${c.id}/labels`, {
			labelKeys: [label.key],
		});
		expect(labelled.body.contact).toMatchObject({
			revision: 2,
			info: { labelKeys: { items: [label.key] } },
		});
		const unlabelled = await wix(
			sandbox,
			'DELETE',
			`/contacts/v4/contacts/${c.id}/labels?labelKeys=${label.key}`,
		);
		expect(unlabelled.body.contact).toMatchObject({
			revision: 3,
			info: { labelKeys: { items: [] } },
		});
	});

	it('lists labels and fields under `metadata`, queries them under `pagingMetadata`', async () => {
		const labels = await wix(sandbox, 'GET', '/contacts/v4/labels?paging.limit=2');
		expect(labels.body.labels).toHaveLength(2);
		expect(labels.body.metadata).toMatchObject({ count: 2, total: 3 });
		const fields = await wix(sandbox, 'POST', '/contacts/v4/extended-fields/query', {
			query: { filter: { fieldType: 'SYSTEM' }, paging: { limit: 100 } },
		});
		expect(fields.body.pagingMetadata.total).toBeGreaterThan(5);
		expect(
			fields.body.fields.find((f: any) => f.key === 'emailSubscriptions.subscriptionStatus'),
		).toMatchObject({ displayName: 'Effective Subscription Status' });
	});

	it('reads GET parameters the SDK way: dotted paging, repeated fieldsets', async () => {
		for (let k = 0; k < 3; k++)
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: `N${k}` } } });
		const page = await wix(
			sandbox,
			'GET',
			'/contacts/v4/contacts?paging.limit=2&paging.offset=1&sort.fieldName=createdDate&sort.order=ASC&fieldsets=BASIC',
		);
		expect(page.body.contacts.map((c: any) => c.info.name.first)).toEqual(['N1', 'N2']);
		expect(page.body.pagingMetadata).toEqual({
			count: 2,
			offset: 1,
			total: 3,
			tooManyToCount: false,
		});
		expect(Object.keys(page.body.contacts[0]).sort()).toEqual([
			'id',
			'info',
			'primaryInfo',
			'revision',
		]);
		expect(
			(await wix(sandbox, 'GET', '/contacts/v4/contacts?paging.limit=1001')).body.details
				.applicationError.code,
		).toBe('ILLEGAL_LIMIT');
	});
});

describe('seeds', () => {
	it("contacts:N gives every seventh contact the previous one's timestamp, as bulk imports do", async () => {
		await admin(sandbox, 'POST', '/reset', { seed: 'contacts:2100' });
		const all = (await admin(sandbox, 'GET', '/state')).contacts as Array<{ createdDate: string }>;
		expect(all).toHaveLength(2100);
		const shared = all.length - new Set(all.map((c) => c.createdDate)).size;
		expect(shared).toBeGreaterThan(250);
	});
});

describe('loyalty', () => {
	const { api, account, earn } = loyaltyKit(sandbox);

	beforeEach(async () => {
		await api('POST', '/loyalty-programs/v1/program/activate');
	});

	it('cursors carry their query: the next page needs only the cursor', async () => {
		for (let k = 0; k < 7; k++) {
			const a = await account(`C${k}`);
			if (k % 2 === 0) await earn(a.id, 10);
		}
		const first = await api('POST', '/loyalty-accounts/v1/accounts/query', {
			query: { filter: { 'points.balance': { $gt: 0 } }, cursorPaging: { limit: 2 } },
		});
		expect(first.loyaltyAccounts).toHaveLength(2);
		const rest: any[] = [];
		let cursor = first.pagingMetadata.cursors.next;
		while (cursor) {
			const page = await api('POST', '/loyalty-accounts/v1/accounts/query', {
				query: { cursorPaging: { limit: 2, cursor } },
			});
			rest.push(...page.loyaltyAccounts);
			cursor = page.pagingMetadata.cursors.next;
		}
		expect([...first.loyaltyAccounts, ...rest].every((a: any) => a.points.balance === 10)).toBe(
			true,
		);
		expect(rest).toHaveLength(2);
		expect(
			(
				await wix(sandbox, 'POST', '/loyalty-accounts/v1/accounts/query', {
					query: { cursorPaging: { cursor: 'garbage' } },
				})
			).status,
		).toBe(400);
	});

	it('earns idempotently per key and refuses what Wix refuses', async () => {
		const a = await account('A');
		await earn(a.id, 10, 'same-key');
		const again = await earn(a.id, 10, 'same-key');
		expect(again.account.points.balance).toBe(10);
		expect(
			(
				await wix(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${a.id}/earn-points`, {
					amount: 1.5,
					appId: 'n8n',
					idempotencyKey: 'k',
				})
			).status,
		).toBe(400);
		expect(
			(
				await wix(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, {
					amount: -11,
				})
			).status,
		).toBe(400);
		expect(
			(
				await wix(sandbox, 'POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, {
					balance: 3,
					revision: '1',
				})
			).status,
		).toBe(409);
		expect(
			(await wix(sandbox, 'POST', '/loyalty-accounts/v1/accounts', { contactId: a.contactId }))
				.status,
		).toBe(409);
	});
});

describe('webhooks', () => {
	let receiver: Server;
	let received: Array<{ contentType: string; body: string }>;
	beforeAll(async () => {
		receiver = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				received.push({ contentType: String(req.headers['content-type']), body });
				res.end();
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	});
	afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
	beforeEach(() => {
		received = [];
	});

	function decode(jwt: string) {
		const [h, p, s] = jwt.split('.');
		const key = createPublicKey(sandbox.creds.publicKey);
		expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(
			true,
		);
		const envelope = JSON.parse(JSON.parse(Buffer.from(p, 'base64url').toString()).data);
		return { envelope, event: JSON.parse(envelope.data) };
	}

	it('sends signed three-layer events for create, update, merge and delete', async () => {
		const port = (receiver.address() as { port: number }).port;
		await admin(sandbox, 'POST', '/webhooks', {
			url: `http://127.0.0.1:${port}/hook`,
			contentType: 'application/json',
		});
		const a = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'A' } } })
		).body.contact;
		const b = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'B' } } })
		).body.contact;
		await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${a.id}`, {
			revision: 1,
			info: { company: 'X' },
		});
		await wix(sandbox, 'POST', `/contacts/v4/contacts/${a.id}/merge`, {
			targetContactRevision: 2,
			sourceContactIds: [b.id],
		});
		await wix(sandbox, 'DELETE', `/contacts/v4/contacts/${a.id}`);
		const { deliveries } = await admin(sandbox, 'GET', '/webhooks/deliveries');
		expect(deliveries.every((d: any) => d.status === 200)).toBe(true);
		expect(received.every((r) => r.contentType === 'application/json')).toBe(true);
		// Deliveries run concurrently, as Wix's do; entityEventSequence gives the order of the changes.
		const events = received
			.map((r) => decode(r.body))
			.sort((x, y) => Number(x.event.entityEventSequence) - Number(y.event.entityEventSequence));
		expect(events.map((e) => e.envelope.eventType)).toEqual([
			'wix.contacts.v4.contact_created',
			'wix.contacts.v4.contact_created',
			'wix.contacts.v4.contact_updated',
			'wix.contacts.v4.contact_deleted',
			'wix.contacts.v4.contact_updated',
			'wix.contacts.v4.contact_merged',
			'wix.contacts.v4.contact_deleted',
		]);
		expect(events[0].event.createdEvent.entity.id).toBe(a.id);
		expect(events[2].event.updatedEvent.currentEntity.info.company).toBe('X');
		expect(events[3].event).toMatchObject({
			entityId: b.id,
			originatedFrom: 'merge',
			deletedEvent: {},
		});
		expect(events[5].event.actionEvent.body).toMatchObject({
			targetContactId: a.id,
			sourceContactIds: [b.id],
		});
		expect(events.every((e) => e.envelope.instanceId === sandbox.creds.instanceId)).toBe(true);
		expect(new Set(events.map((e) => e.event.id)).size).toBe(7);
	});

	it('can deliver every event twice, as Wix does when an answer is late', async () => {
		const port = (receiver.address() as { port: number }).port;
		await admin(sandbox, 'POST', '/webhooks', { url: `http://127.0.0.1:${port}/hook` });
		await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'A' } } });
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		expect(received).toHaveLength(2);
		expect(received[0].body).toBe(received[1].body);
		expect(received[0].contentType).toBe('text/plain');
	});
});
