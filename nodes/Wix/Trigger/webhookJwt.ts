// Verifies and unwraps Wix app webhooks: the whole body is an RS256 JWT whose `data` is a JSON
// envelope whose `data` and `identity` are JSON again (wix-api.md G.2). Nothing is trusted before
// the signature, algorithm, expiry and instance have been checked.
import { createPublicKey, createVerify, type KeyObject } from 'crypto';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** How far Wix's clock and this machine's may disagree. */
const CLOCK_SKEW_SECONDS = 60;

export class WebhookRejection extends Error {}

export interface WixEvent {
	eventType: string;
	eventId: string;
	slug: string;
	entityFqdn: string;
	entityId: string;
	eventTime?: string;
	instanceId: string;
	originatedFrom?: string;
	entityEventSequence?: string;
	identity: Record<string, unknown>;
	/**
	 * The created or current entity, the action body, or the deleted entity when Wix sends one. A
	 * pipeline card move gives the card itself, as the card's other events do.
	 */
	entity: Record<string, unknown> | null;
	/** A pipeline card move: the stage the card left and the one it entered. */
	sourceStageId?: string;
	targetStageId?: string;
	/** A badge assigned or unassigned: the badge (the event's entity) and the member. */
	badgeId?: string;
	memberId?: string;
	raw?: Record<string, unknown>;
}

/** Accepts the PEM Wix shows, the PEM without line breaks, or its one-line base64 form. */
export function parsePublicKey(text: string): KeyObject {
	const trimmed = text.trim();
	if (!trimmed) throw new WebhookRejection('No App Public Key is set on the Wix OAuth2 credential');
	let pem = trimmed;
	if (!trimmed.includes('-----BEGIN')) {
		const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
		pem = decoded.includes('-----BEGIN')
			? decoded
			: `-----BEGIN PUBLIC KEY-----\n${trimmed}\n-----END PUBLIC KEY-----`;
	}
	pem = pem.replace(/\\n/g, '\n');
	const body = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
	if (body)
		pem = `-----BEGIN ${body[1]}-----\n${body[2]
			.replace(/\s+/g, '')
			.replace(/(.{64})/g, '$1\n')
			.trim()}\n-----END ${body[1]}-----\n`;
	let key: KeyObject | undefined;
	try {
		key = createPublicKey(pem);
	} catch {
		key = undefined;
	}
	if (!key)
		throw new WebhookRejection('The App Public Key on the credential is not a valid public key');
	return key;
}

/** JSON.parse that answers undefined unless the text is a JSON object. */
function jsonObject(text: string): Record<string, unknown> | undefined {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
	const value = jsonObject(Buffer.from(segment, 'base64url').toString('utf8'));
	if (!value) throw new WebhookRejection(`The JWT ${what} is not a JSON object`);
	return value;
}

/** Checks the token and returns its payload; throws WebhookRejection for anything Wix did not sign. */
export function verifyJwt(
	token: string,
	key: KeyObject,
	nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
	const parts = token.trim().split('.');
	if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
		throw new WebhookRejection('The body is not a JWT');
	const [headerPart, payloadPart, signaturePart] = parts;
	const header = decodeSegment(headerPart, 'header');
	// Only RS256: refuses "none" and HS256 (including HMAC keyed with the public key). The header is
	// not trusted yet, so it is described without calling anything it carries (an object's toString).
	if (header.alg !== 'RS256') {
		const alg = typeof header.alg === 'string' ? header.alg : `of type ${typeof header.alg}`;
		throw new WebhookRejection(`JWT algorithm ${alg} is not accepted; Wix signs with RS256`);
	}
	if (!signaturePart) throw new WebhookRejection('The JWT has no signature');
	const verifier = createVerify('RSA-SHA256');
	verifier.update(`${headerPart}.${payloadPart}`);
	if (!verifier.verify(key, Buffer.from(signaturePart, 'base64url')))
		throw new WebhookRejection('The JWT signature does not match the App Public Key');
	const payload = decodeSegment(payloadPart, 'payload');
	// Wix's tokens carry both times; one without an expiry could be replayed for ever.
	if (typeof payload.exp !== 'number') throw new WebhookRejection('The JWT has no expiry (exp)');
	if (payload.exp < nowSeconds - CLOCK_SKEW_SECONDS)
		throw new WebhookRejection('The JWT has expired');
	if (
		payload.iat !== undefined &&
		(typeof payload.iat !== 'number' || payload.iat > nowSeconds + CLOCK_SKEW_SECONDS)
	) {
		throw new WebhookRejection('The JWT was issued in the future (iat)');
	}
	if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + CLOCK_SKEW_SECONDS)
		throw new WebhookRejection('The JWT is not valid yet');
	if (typeof payload.data !== 'string')
		throw new WebhookRejection('The JWT payload has no data string');
	return payload;
}

function parseJson(value: unknown, what: string): Record<string, unknown> {
	if (typeof value === 'object' && value !== null && !Array.isArray(value))
		return value as Record<string, unknown>;
	if (typeof value !== 'string') throw new WebhookRejection(`${what} is missing`);
	const parsed = jsonObject(value);
	if (!parsed) throw new WebhookRejection(`${what} is not JSON`);
	return parsed;
}

/** Reads the entity from the one body key of a domain event, in object or `…AsJson` string form. */
function entityOf(event: Record<string, unknown>): Record<string, unknown> | null {
	const pick = (container: unknown, key: string) => {
		if (typeof container !== 'object' || container === null) return undefined;
		const c = container as Record<string, unknown>;
		if (c[key] !== undefined && c[key] !== null) return parseJson(c[key], key);
		if (typeof c[`${key}AsJson`] === 'string') return parseJson(c[`${key}AsJson`], `${key}AsJson`);
		return undefined;
	};
	return (
		pick(event.createdEvent, 'entity') ??
		pick(event.updatedEvent, 'currentEntity') ??
		pick(event.actionEvent, 'body') ??
		pick(event.deletedEvent, 'deletedEntity') ??
		null
	);
}

/** Pipeline cards (`card_moved` comes with an action body `{card, sourceStageId, targetStageId}`). */
const PIPELINE_CARD = 'wix.crm.pipelines.v1.card';

/**
 * A card move's action body turned into the card (so every card event has the card as `entity`,
 * and Ignore Own Writes sees its revision) and the two stage IDs beside it.
 */
function flattenCardMove(result: WixEvent) {
	const body = result.entity;
	if (result.entityFqdn !== PIPELINE_CARD || result.slug !== 'moved' || !body) return;
	const card = body.card;
	if (typeof body.sourceStageId === 'string') result.sourceStageId = body.sourceStageId;
	if (typeof body.targetStageId === 'string') result.targetStageId = body.targetStageId;
	if (typeof card === 'object' && card !== null && !Array.isArray(card))
		result.entity = card as Record<string, unknown>;
	else if (typeof card === 'string') result.entity = parseJson(card, 'The moved card');
}

/**
 * Loyalty Points Updated comes as `{ account }` (wix-api.md D.5): the account goes in `entity`, as
 * the other account events have it, so a workflow (and the trigger) reads its balance and revision
 * in one place.
 */
function flattenLoyaltyPoints(result: WixEvent) {
	const body = result.entity;
	if (result.entityFqdn !== 'wix.loyalty.v1.account' || result.slug !== 'points_updated' || !body)
		return;
	const account = body.account;
	if (typeof account === 'object' && account !== null && !Array.isArray(account))
		result.entity = account as Record<string, unknown>;
	else if (typeof account === 'string') result.entity = parseJson(account, 'The account');
}

/** Badge events (`wix.badges.v3.badge`, action body `{ memberId }`): both IDs beside the body. */
function badgeIds(result: WixEvent) {
	if (result.entityFqdn !== 'wix.badges.v3.badge') return;
	result.badgeId = result.entityId;
	const memberId = result.entity?.memberId;
	if (typeof memberId === 'string') result.memberId = memberId;
}

/** Verifies a webhook body and flattens its three layers into one event. */
export function readWixWebhook(
	body: string,
	options: { publicKey: KeyObject; instanceId: string; includeRaw?: boolean; nowSeconds?: number },
): WixEvent {
	const payload = verifyJwt(body, options.publicKey, options.nowSeconds);
	const envelope = parseJson(payload.data, 'The JWT data');
	if (!options.instanceId || envelope.instanceId !== options.instanceId) {
		throw new WebhookRejection(
			'The event is for another app instance than the credential’s Instance ID',
		);
	}
	const event = parseJson(envelope.data, 'The event data');
	const identity =
		envelope.identity === undefined ? {} : parseJson(envelope.identity, 'The event identity');
	const slug = String(event.slug ?? '');
	const entityFqdn = String(event.entityFqdn ?? '');
	const result: WixEvent = {
		eventType: String(envelope.eventType ?? `${entityFqdn}_${slug}`),
		eventId: String(event.id ?? ''),
		slug,
		entityFqdn,
		entityId: String(event.entityId ?? ''),
		eventTime: event.eventTime as string | undefined,
		instanceId: String(envelope.instanceId),
		originatedFrom: event.originatedFrom as string | undefined,
		entityEventSequence: event.entityEventSequence as string | undefined,
		identity,
		entity: entityOf(event),
	};
	if (!result.eventId) throw new WebhookRejection('The event has no ID');
	flattenCardMove(result);
	flattenLoyaltyPoints(result);
	badgeIds(result);
	if (options.includeRaw)
		result.raw = {
			envelope: { ...envelope, data: event, identity },
			jwtPayload: { iat: payload.iat, exp: payload.exp },
		};
	return result;
}
