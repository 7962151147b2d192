// App webhooks as Wix sends them (wix-api.md G.2): the whole body is an RS256 JWT whose `data` is a
// JSON string envelope, whose `data` and `identity` are JSON strings again.
import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	randomUUID,
	sign,
	type KeyObject,
} from 'node:crypto';

import type { DomainEventInput } from './context';

export type SigningKey = { privateKey: KeyObject; publicKeyPem: string; kid: string };

export function generateSigningKey(): SigningKey {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privateKey,
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		kid: randomUUID(),
	};
}

export function keyFromPem(pem: string) {
	const privateKey = createPrivateKey(pem);
	return {
		privateKey,
		publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
	};
}

export function signJwt(
	payload: Record<string, unknown>,
	privateKey: KeyObject,
	kid: string,
): string {
	const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid })).toString(
		'base64url',
	);
	const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
	const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), privateKey).toString(
		'base64url',
	);
	return `${header}.${body}.${signature}`;
}

export function buildEventJwt(
	event: DomainEventInput,
	site: { instanceId: string; siteId: string; accountId: string },
	identity: Record<string, unknown>,
	signing: { privateKey: KeyObject; kid: string },
	sequence: number,
): { jwt: string; eventId: string; eventType: string } {
	const eventId = randomUUID();
	const eventType = `${event.entityFqdn}_${event.slug}`;
	const domainEvent = {
		id: eventId,
		entityFqdn: event.entityFqdn,
		slug: event.slug,
		entityId: event.entityId,
		eventTime: new Date().toISOString(),
		triggeredByAnonymizeRequest: false,
		entityEventSequence: String(sequence),
		...(event.originatedFrom ? { originatedFrom: event.originatedFrom } : {}),
		...event.body,
	};
	const envelope = {
		eventType,
		instanceId: site.instanceId,
		data: JSON.stringify(domainEvent),
		identity: JSON.stringify(identity),
		accountInfo: { accountId: site.accountId, siteId: site.siteId },
	};
	const iat = Math.floor(Date.now() / 1000);
	const jwt = signJwt(
		{ data: JSON.stringify(envelope), iat, exp: iat + 3600 },
		signing.privateKey,
		signing.kid,
	);
	return { jwt, eventId, eventType };
}
