import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { KeyObject } from 'crypto';

import { searchSites, siteProperty } from '../shared/site';
import { authenticationProperty } from '../shared/descriptions';
import { isOwnEvent } from '../shared/echo';
import {
	AUTOMATION_AREAS,
	AUTOMATION_TRIGGER_OPTIONS,
	automationExists,
	automationTriggerOptions,
	createAutomation,
	deleteAutomation,
	deliveryId,
	isOwnDelivery,
	readAutomationEntity,
	readDelivery,
	secretMatches,
} from './automation';
import { WIX_EVENTS } from './events';
import {
	ACCOUNT_SLUGS,
	crossedUpward,
	crossingKey,
	LOYALTY_ACCOUNT,
	pointsChangeOf,
	rewardFlipIsOurs,
	type PointsChange,
} from './loyalty';
import {
	MAX_WEBHOOK_BYTES,
	parsePublicKey,
	readWixWebhook,
	WebhookRejection,
	type WixEvent,
} from './webhookJwt';

/** Event IDs already turned into executions, per workflow node, for Wix's redeliveries. */
const SEEN_LIMIT = 2000;
const recentlySeen = new Map<string, string[]>();

interface RawRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
}

function remember(list: string[], id: string) {
	list.push(id);
	if (list.length > SEEN_LIMIT) list.splice(0, list.length - SEEN_LIMIT);
}

/**
 * The app's public key and instance ID, read from the credential at most every 30 s per node:
 * loading a credential costs n8n a database read and a decryption (about 100 ms under load), which
 * would cap the events a trigger can take. Only these two non-secret values are kept.
 */
const VERIFIER_TTL_MS = 30_000;
const verifiers = new Map<string, { publicKey: KeyObject; instanceId: string; expires: number }>();

async function verifierFor(
	ctx: IWebhookFunctions,
): Promise<{ publicKey: KeyObject; instanceId: string }> {
	const node = ctx.getNode();
	const key = `${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const cached = verifiers.get(key);
	if (cached && cached.expires > Date.now()) return cached;
	const credentials = await ctx.getCredentials('wixOAuth2Api');
	const verifier = {
		publicKey: parsePublicKey(String(credentials.publicKey ?? '')),
		instanceId: String(credentials.instanceId ?? ''),
		expires: Date.now() + VERIFIER_TTL_MS,
	};
	verifiers.set(key, verifier);
	return verifier;
}

/**
 * Whether this node already turned the event into an execution; otherwise notes it. Kept in the
 * workflow's static data (n8n's database: survives restarts, shared by processes) and in memory.
 * Each request reads the static data as it was when it arrived and writes it whole, so
 * deliveries arriving together would overwrite each other's notes: every write carries this
 * process's recent IDs too.
 */
function seenBefore(ctx: IWebhookFunctions, eventId: string): boolean {
	const node = ctx.getNode();
	const memoryKey = `${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const inMemory = recentlySeen.get(memoryKey) ?? [];
	recentlySeen.set(memoryKey, inMemory);
	const staticData = ctx.getWorkflowStaticData('node') as { seenEventIds?: string[] };
	const stored = staticData.seenEventIds ?? [];
	if (inMemory.includes(eventId) || stored.includes(eventId)) return true;
	remember(inMemory, eventId);
	const merged = [...new Set([...stored, ...inMemory])];
	staticData.seenEventIds = merged.slice(-SEEN_LIMIT);
	return false;
}

interface TriggerOptions {
	ignoreOwnWrites?: boolean;
	includeRaw?: boolean;
	balanceThreshold?: number;
}

type Verdict =
	| { drop: true; status?: number; message?: string }
	| { drop: false; extra?: IDataObject };

/**
 * Loyalty account events: the change behind the event (one read of the account's transactions,
 * only when Ignore Own Writes or a threshold needs it), whether it was ours, and whether it crossed
 * the threshold. A change Wix cannot be read for is answered 503, so Wix delivers it again.
 */
async function judgeLoyaltyEvent(
	ctx: IWebhookFunctions,
	event: WixEvent,
	options: TriggerOptions,
): Promise<Verdict> {
	if (event.entityFqdn !== LOYALTY_ACCOUNT) return { drop: false };
	const threshold =
		typeof options.balanceThreshold === 'number' && Number.isFinite(options.balanceThreshold)
			? options.balanceThreshold
			: undefined;
	const ignoreOwn = options.ignoreOwnWrites !== false;
	if (!ACCOUNT_SLUGS.has(event.slug) || !event.entity) {
		// Reward availability carries no balance: no crossing to see.
		if (threshold !== undefined) return { drop: true };
		if (!ignoreOwn || event.slug !== 'reward_availability_updated') return { drop: false };
		try {
			const ours = await rewardFlipIsOurs(ctx, event.entityId, event.entity, event.eventTime);
			return ours ? { drop: true } : { drop: false };
		} catch (error) {
			ctx.logger.warn(
				`Wix Trigger: could not read the loyalty transactions behind event ${event.eventId}; Wix will deliver it again: ${(error as Error).message}`,
			);
			return { drop: true, status: 503, message: 'Could not read the change; deliver again' };
		}
	}
	if (threshold === undefined && (!ignoreOwn || event.slug === 'created')) return { drop: false };
	let change: PointsChange;
	try {
		change = await pointsChangeOf(ctx, event.slug, event.entity);
	} catch (error) {
		ctx.logger.warn(
			`Wix Trigger: could not read the loyalty transactions behind event ${event.eventId}; Wix will deliver it again: ${(error as Error).message}`,
		);
		return { drop: true, status: 503, message: 'Could not read the change; deliver again' };
	}
	if (ignoreOwn && change.ours) return { drop: true };
	const extra: IDataObject = {
		previousBalance: change.previousBalance,
		balance: change.balance,
		...(change.transactionId ? { transactionId: change.transactionId } : {}),
	};
	if (threshold === undefined) return { drop: false, extra };
	if (!crossedUpward(change, threshold)) return { drop: true };
	// Both events of one change (updated, points_updated) and any copy bring the same crossing.
	if (seenBefore(ctx, crossingKey(event.entityId, change, threshold))) return { drop: true };
	return { drop: false, extra: { ...extra, threshold } };
}

/** Trigger On per area (version 2): one parameter name, so the rest of the node reads it alike. */
const automationTriggerProperties: INodeProperties[] = AUTOMATION_AREAS.map((area) => {
	const options = automationTriggerOptions(area.value);
	const usual = area.usual;
	return {
		displayName: 'Trigger On',
		name: 'automationTrigger',
		type: 'options',
		options,
		default: usual,
		displayOptions: {
			show: {
				source: ['automation'],
				automationArea: [area.value],
				'@version': [{ _cnd: { gte: 2 } }],
			},
		},
		description:
			'The Wix Automations trigger; activating the workflow registers an automation for it and deactivating removes it',
	};
});

export class WixTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Trigger',
		name: 'wixTrigger',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['trigger'],
		// Version 2 sorts the Automation triggers into areas; version 1 (saved workflows) keeps one list.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{$parameter["source"] === "automation" ? "Automation: " + $parameter["automationTrigger"] : (($parameter["events"] || []).length ? $parameter["events"].length + " event types" : "all events")}}',
		description:
			'Starts the workflow on Wix events: signed app webhooks, or a Wix Automation the node registers itself',
		defaults: { name: 'Wix Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wixOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'wixApiKeyApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Wix retries unless it gets a 200 within 1250 ms; an empty body, not n8n's "firstEntryJson".
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{
						name: 'App Webhooks (Signed)',
						value: 'appWebhook',
						description:
							'Events your Wix app receives, signed by Wix; needs the Wix OAuth2 credential with the app’s public key',
					},
					{
						name: 'Wix Automation',
						value: 'automation',
						description: 'The node creates a Wix Automation that calls it; an API key is enough',
					},
				],
				default: 'appWebhook',
				description: 'How Wix tells this workflow about events',
			},
			// Visible in both sources: n8n leaves hidden parameters unset, and the credentials depend on it.
			{
				...authenticationProperty,
				default: 'oAuth2',
				description: 'App webhooks need OAuth2 (Wix App); a Wix Automation works with either',
			},
			{ ...siteProperty, displayOptions: { show: { source: ['automation'] } } },
			{
				displayName: 'Trigger On',
				name: 'automationTrigger',
				type: 'options',
				options: AUTOMATION_TRIGGER_OPTIONS,
				default: 'contacts-new_contact_was_created',
				displayOptions: { show: { source: ['automation'], '@version': [1] } },
				description:
					'The Wix Automations trigger; activating the workflow registers an automation for it and deactivating removes it',
			},
			{
				displayName: 'Area',
				name: 'automationArea',
				type: 'options',
				options: AUTOMATION_AREAS.map(({ name, value, description }) => ({
					name,
					value,
					description,
				})),
				default: 'contacts',
				displayOptions: { show: { source: ['automation'], '@version': [{ _cnd: { gte: 2 } }] } },
				description: 'Where the trigger belongs; the Trigger On list shows that area’s triggers',
			},
			...automationTriggerProperties,
			{
				displayName:
					'In the Wix Dev Center open your app → Webhooks, add a webhook for each event you want, and paste this node’s Production URL as the callback URL. Put the app’s public key (Webhooks → Get Public Key) into the credential. Every call is verified against it; anything not signed by Wix for this app instance is refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['appWebhook'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WIX_EVENTS,
				default: [],
				displayOptions: { show: { source: ['appWebhook'] } },
				description:
					'Which events start the workflow; none selected means every event the app sends',
			},
			{
				displayName: 'Options',
				name: 'triggerOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Balance Crossed Threshold',
						name: 'balanceThreshold',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 0 },
						default: 1000,
						description:
							'Loyalty account events (Created, Updated, Points Updated) start the workflow only when the change took the balance from below this number to at or above it: once per crossing, also when Wix delivers an event twice or out of order, and again after the balance fell below and rose again. Costs one read of the account’s transactions per change. Other events are not affected; Reward Availability Updated is dropped.',
					},
					{
						displayName: 'Ignore Own Writes',
						name: 'ignoreOwnWrites',
						type: 'boolean',
						default: true,
						description:
							'Whether to drop events caused by this package’s own nodes (so a 2-way sync does not loop). Loyalty points changes are told by the transaction Wix keeps: one read per Loyalty Account Updated / Points Updated event.',
					},
					{
						displayName: 'Include Raw Event',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add the unwrapped envelope as `raw`',
					},
				],
			},
			{
				// n8n parses JSON bodies before a trigger runs and answers 422 to a JWT sent as
				// application/json; binaryData leaves the raw body for the signature check.
				displayName: 'Options',
				name: 'options',
				type: 'hidden',
				default: { binaryData: true },
			},
		],
	};

	methods = { listSearch: { searchSites } };

	// App webhooks have no registration API (the URL is pasted into the app's settings); the
	// Automation source registers and removes its automation here.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('source', 'appWebhook') !== 'automation') return true;
				return await automationExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const source = this.getNodeParameter('source', 'appWebhook');
				if (source !== 'automation') {
					if (this.getNodeParameter('authentication', 'oAuth2') !== 'oAuth2') {
						throw new NodeOperationError(
							this.getNode(),
							'App webhooks need the Wix OAuth2 credential',
							{
								description:
									'Set Authentication to OAuth2 (Wix App), or choose the Wix Automation source to use an API key',
							},
						);
					}
					return true;
				}
				return await createAutomation(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('source', 'appWebhook') !== 'automation') return true;
				return await deleteAutomation(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const answer = (status: number, message?: string): IWebhookResponseData => {
			if (message) res.status(status).json({ message });
			else res.status(status).end();
			return { noWebhookResponse: true };
		};
		// Answered here, before the execution starts: n8n saves the static data a request changed (the
		// event IDs above) when the answer is sent. Left to answer after starting the execution, n8n
		// 2.41 saved only a workflow's first event ID (the execution's start seems to clear the mark).
		const start = (items: INodeExecutionData[]): IWebhookResponseData => {
			res.status(200).end();
			return { noWebhookResponse: true, workflowData: [items] };
		};

		const req = this.getRequestObject() as unknown as RawRequest;
		// n8n refuses to read a body over its own limit (16 MB) by throwing; nobody has been
		// authenticated yet, so that is a 413, not an error execution.
		try {
			if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		} catch {
			return answer(413, 'Body too large for a Wix webhook');
		}
		const raw =
			req.rawBody ?? (typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.alloc(0));
		if (raw.length > MAX_WEBHOOK_BYTES) return answer(413, 'Body too large for a Wix webhook');

		const options = this.getNodeParameter('triggerOptions', {}) as TriggerOptions;
		if (this.getNodeParameter('source', 'appWebhook') === 'automation') {
			const state = this.getWorkflowStaticData('node') as { secret?: string };
			if (!secretMatches((this.getQueryData() as IDataObject).secret, state.secret))
				return answer(401, 'Unauthorized');
			const payload = readDelivery(raw);
			if (!payload) return answer(400, 'Expected the JSON body of a Wix Automations webhook');
			const triggerKey = String(
				payload.triggerKey ?? this.getNodeParameter('automationTrigger', ''),
			);
			const about = await readAutomationEntity(this, triggerKey, payload as IDataObject);
			if (
				options.ignoreOwnWrites !== false &&
				((about.event && isOwnEvent(about.event)) ||
					isOwnDelivery(triggerKey, payload as IDataObject))
			)
				return answer(200);
			const eventId = deliveryId(raw, about.revision);
			if (seenBefore(this, eventId)) return answer(200);
			return start(
				this.helpers.returnJsonArray({
					eventType: triggerKey,
					eventId,
					source: 'automation',
					data: payload,
				} as IDataObject),
			);
		}

		let verifier: Awaited<ReturnType<typeof verifierFor>>;
		try {
			verifier = await verifierFor(this);
		} catch (error) {
			// A missing or unreadable public key is logged, not turned into an execution per request.
			if (!(error instanceof WebhookRejection))
				throw new NodeOperationError(this.getNode(), error as Error);
			this.logger.warn(`Wix Trigger refused a webhook: ${error.message}`);
			return answer(401, 'Unauthorized');
		}
		let event: WixEvent;
		try {
			event = readWixWebhook(raw.toString('utf8'), { ...verifier, includeRaw: options.includeRaw });
		} catch (error) {
			// Whatever an unauthenticated body makes the parser do, it starts nothing.
			const reason =
				error instanceof WebhookRejection
					? error.message
					: 'the body could not be read as a Wix webhook';
			this.logger.warn(`Wix Trigger refused a webhook: ${reason}`);
			return answer(401, 'Unauthorized');
		}

		const events = this.getNodeParameter('events', []) as string[];
		if (events.length && !events.includes(event.eventType)) return answer(200);
		if (options.ignoreOwnWrites !== false && isOwnEvent(event)) return answer(200);

		// Read before the event ID is noted: an event that could not be judged is delivered again.
		const verdict = await judgeLoyaltyEvent(this, event, options);
		if (verdict.drop && verdict.status) return answer(verdict.status, verdict.message);
		if (seenBefore(this, event.eventId) || verdict.drop) return answer(200);

		return start(
			this.helpers.returnJsonArray({ ...event, ...verdict.extra } as unknown as IDataObject),
		);
	}
}
