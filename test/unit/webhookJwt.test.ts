import { createHmac, generateKeyPairSync } from 'node:crypto';

import {
	parsePublicKey,
	readWixWebhook,
	verifyJwt,
	WebhookRejection,
} from '../../nodes/Wix/Trigger/webhookJwt';
import { buildEventJwt, generateSigningKey, signJwt } from '../../sandbox/core/webhookJwt';

const wix = generateSigningKey();
const publicKey = parsePublicKey(wix.publicKeyPem);
const site = { instanceId: 'inst-1', siteId: 'site', accountId: 'acc' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function contactCreated() {
	return buildEventJwt(
		{
			entityFqdn: 'wix.contacts.v4.contact',
			slug: 'created',
			entityId: 'c1',
			body: { createdEvent: { entity: { id: 'c1', revision: 1 } } },
		},
		site,
		{ identityType: 'APP', appId: 'app-1' },
		wix,
		1,
	);
}

const rejects = (fn: () => unknown, message: RegExp) => {
	expect(fn).toThrow(WebhookRejection);
	expect(fn).toThrow(message);
};

describe('Wix webhook verification', () => {
	it('accepts a signed event and flattens its three layers', () => {
		const { jwt, eventId } = contactCreated();
		const event = readWixWebhook(jwt, { publicKey, instanceId: 'inst-1' });
		expect(event).toMatchObject({
			eventType: 'wix.contacts.v4.contact_created',
			eventId,
			slug: 'created',
			entityId: 'c1',
			instanceId: 'inst-1',
			identity: { identityType: 'APP', appId: 'app-1' },
			entity: { id: 'c1', revision: 1 },
		});
		expect(event.raw).toBeUndefined();
		expect(
			readWixWebhook(jwt, { publicKey, instanceId: 'inst-1', includeRaw: true }).raw,
		).toBeDefined();
	});

	it('accepts the public key as PEM, PEM without line breaks, one-line base64 of the PEM, or the bare key', () => {
		const pem = wix.publicKeyPem;
		const oneLinePem = pem.replace(/\n/g, '');
		const base64OfPem = Buffer.from(pem).toString('base64');
		const bare = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
		for (const form of [pem, oneLinePem, base64OfPem, bare]) {
			expect(() =>
				readWixWebhook(contactCreated().jwt, {
					publicKey: parsePublicKey(form),
					instanceId: 'inst-1',
				}),
			).not.toThrow();
		}
		rejects(() => parsePublicKey(''), /No App Public Key/);
		rejects(() => parsePublicKey('not a key'), /not a valid public key/);
	});

	it('refuses a forged signature, another key, alg none and HS256 keyed with the public key', () => {
		const { jwt } = contactCreated();
		const [h, p] = jwt.split('.');
		const tamperedPayload = b64({
			...JSON.parse(Buffer.from(p, 'base64url').toString()),
			exp: 9999999999,
		});
		rejects(
			() => verifyJwt(`${h}.${tamperedPayload}.${jwt.split('.')[2]}`, publicKey),
			/signature does not match/,
		);
		const other = generateSigningKey();
		rejects(
			() => verifyJwt(signJwt({ data: '{}' }, other.privateKey, 'k'), publicKey),
			/signature does not match/,
		);
		rejects(
			() => verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, publicKey),
			/algorithm none/,
		);
		const hsHeader = b64({ alg: 'HS256', typ: 'JWT' });
		const hsSig = createHmac('sha256', wix.publicKeyPem)
			.update(`${hsHeader}.${p}`)
			.digest('base64url');
		rejects(() => verifyJwt(`${hsHeader}.${p}.${hsSig}`, publicKey), /algorithm HS256/);
	});

	it('refuses an expired token, a body that is not a JWT, and data that is not a string', () => {
		const now = Math.floor(Date.now() / 1000);
		rejects(
			() =>
				verifyJwt(
					signJwt({ data: '{}', iat: now - 7200, exp: now - 3600 }, wix.privateKey, 'k'),
					publicKey,
				),
			/expired/,
		);
		rejects(() => verifyJwt('{"eventType":"x"}', publicKey), /not a JWT/);
		rejects(() => verifyJwt('a.b', publicKey), /not a JWT/);
		rejects(
			() =>
				verifyJwt(
					signJwt({ data: { eventType: 'x' }, exp: now + 60 }, wix.privateKey, 'k'),
					publicKey,
				),
			/no data string/,
		);
	});

	it('insists on an expiry and refuses a token issued in the future', () => {
		const now = Math.floor(Date.now() / 1000);
		rejects(() => verifyJwt(signJwt({ data: '{}' }, wix.privateKey, 'k'), publicKey), /no expiry/);
		rejects(
			() => verifyJwt(signJwt({ data: '{}', exp: '9999999999' }, wix.privateKey, 'k'), publicKey),
			/no expiry/,
		);
		rejects(
			() =>
				verifyJwt(
					signJwt({ data: '{}', iat: now + 3600, exp: now + 7200 }, wix.privateKey, 'k'),
					publicKey,
				),
			/issued in the future/,
		);
		rejects(
			() =>
				verifyJwt(
					signJwt({ data: '{}', iat: 'yesterday', exp: now + 60 }, wix.privateKey, 'k'),
					publicKey,
				),
			/issued in the future/,
		);
		expect(
			verifyJwt(
				signJwt({ data: '{}', iat: now + 30, exp: now + 60 }, wix.privateKey, 'k'),
				publicKey,
			).data,
		).toBe('{}');
	});

	it('describes an algorithm it will not print without touching it', () => {
		const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
		rejects(
			() => verifyJwt(`${b64({ alg: { toString: 1 } })}.${b64({ data: '{}' })}.c2ln`, publicKey),
			/algorithm of type object/,
		);
	});

	it('refuses an event for another app instance', () => {
		rejects(
			() => readWixWebhook(contactCreated().jwt, { publicKey, instanceId: 'someone-else' }),
			/another app instance/,
		);
		rejects(
			() => readWixWebhook(contactCreated().jwt, { publicKey, instanceId: '' }),
			/another app instance/,
		);
	});

	it('reads the …AsJson string forms some Wix services send', () => {
		const event = {
			id: 'e2',
			entityFqdn: 'wix.loyalty.v1.account',
			slug: 'updated',
			entityId: 'a1',
			updatedEvent: { currentEntityAsJson: JSON.stringify({ id: 'a1', points: { balance: 10 } }) },
		};
		const envelope = {
			eventType: 'wix.loyalty.v1.account_updated',
			instanceId: 'inst-1',
			data: JSON.stringify(event),
			identity: JSON.stringify({ identityType: 'WIX_USER' }),
		};
		const jwt = signJwt(
			{ data: JSON.stringify(envelope), exp: Math.floor(Date.now() / 1000) + 60 },
			wix.privateKey,
			'k',
		);
		expect(readWixWebhook(jwt, { publicKey, instanceId: 'inst-1' }).entity).toEqual({
			id: 'a1',
			points: { balance: 10 },
		});
	});

	it('refuses a payload whose envelope or event is not JSON', () => {
		const jwt = signJwt(
			{ data: 'not json', exp: Math.floor(Date.now() / 1000) + 60 },
			wix.privateKey,
			'k',
		);
		rejects(() => readWixWebhook(jwt, { publicKey, instanceId: 'inst-1' }), /data is not JSON/);
		const { publicKey: rsaPem } = generateKeyPairSync('rsa', {
			modulusLength: 1024,
			publicKeyEncoding: { type: 'spki', format: 'pem' },
			privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
		});
		expect(() => parsePublicKey(rsaPem)).not.toThrow();
	});
});

describe('card events', () => {
	const read = (entityFqdn: string, slug: string, body: Record<string, unknown>) =>
		readWixWebhook(
			buildEventJwt({ entityFqdn, slug, entityId: 'k1', body }, site, {}, wix, 1).jwt,
			{ publicKey, instanceId: 'inst-1' },
		);
	const card = { id: 'k1', revision: '3', pipelineId: 'p1', stageId: 's2', name: 'Deal' };

	it('gives a pipeline card move as the card, with the stage it left and the one it entered', () => {
		const moved = read('wix.crm.pipelines.v1.card', 'moved', {
			actionEvent: { body: { card, sourceStageId: 's1', targetStageId: 's2' } },
		});
		expect(moved).toMatchObject({
			eventType: 'wix.crm.pipelines.v1.card_moved',
			entity: card,
			sourceStageId: 's1',
			targetStageId: 's2',
		});
		// The `…AsJson` string form too.
		const asJson = read('wix.crm.pipelines.v1.card', 'moved', {
			actionEvent: {
				bodyAsJson: JSON.stringify({ card, sourceStageId: 's1', targetStageId: 's2' }),
			},
		});
		expect(asJson).toMatchObject({ entity: card, sourceStageId: 's1', targetStageId: 's2' });
	});

	it('leaves other action bodies as they are', () => {
		const merged = read('wix.contacts.v4.contact', 'merged', {
			actionEvent: { body: { targetContactId: 'c1', sourceContactIds: ['c2'] } },
		});
		expect(merged.entity).toEqual({ targetContactId: 'c1', sourceContactIds: ['c2'] });
		expect(merged.sourceStageId).toBeUndefined();
	});

	it('reads pipeline and legacy card creates, updates and deletes', () => {
		expect(
			read('wix.crm.pipelines.v1.card', 'created', { createdEvent: { entity: card } }).entity,
		).toEqual(card);
		expect(
			read('wix.crm.pipelines.v1.card', 'deleted', { deletedEvent: { deletedEntity: card } })
				.entity,
		).toEqual(card);
		const info = { id: 'k1', name: 'Ada', phaseId: 'ph1' };
		expect(
			read('wix.workflows.v1.card', 'updated', { updatedEvent: { currentEntity: { info } } })
				.entity,
		).toEqual({ info });
		expect(read('wix.workflows.v1.card', 'deleted', { deletedEvent: {} })).toMatchObject({
			eventType: 'wix.workflows.v1.card_deleted',
			entityId: 'k1',
			entity: null,
		});
	});
});
