import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isOwnContactEvent } from '../shared/echo';
import { MAX_WEBHOOK_BYTES, parsePublicKey, readWixWebhook, WebhookRejection, type WixEvent } from '../shared/webhookJwt';
import { WIX_EVENTS } from './events';

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

export class WixTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Trigger',
		name: 'wixTrigger',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).length ? $parameter["events"].length + " event types" : "all events"}}',
		description: 'Starts the workflow on signed Wix app webhooks (contacts, labels, custom fields, loyalty, members, badges, workflow cards)',
		defaults: { name: 'Wix Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wixOAuth2Api', required: true }],
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
				displayName:
					'In the Wix Dev Center open your app → Webhooks, add a webhook for each event you want, and paste this node’s Production URL as the callback URL. Put the app’s public key (Webhooks → Get Public Key) into the credential. Every call is verified against it; anything not signed by Wix for this app instance is refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WIX_EVENTS,
				default: [],
				description: 'Which events start the workflow; none selected means every event the app sends',
			},
			{
				displayName: 'Options',
				name: 'triggerOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Own Writes',
						name: 'ignoreOwnWrites',
						type: 'boolean',
						default: true,
						description: 'Whether to drop events caused by this package’s own nodes (so a 2-way sync does not loop)',
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

	webhookMethods = {
		default: {
			// Wix has no API to register app webhooks: the URL is pasted into the app's settings.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
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

		const req = this.getRequestObject() as unknown as RawRequest;
		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const raw = req.rawBody ?? (typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.alloc(0));
		if (raw.length > MAX_WEBHOOK_BYTES) return answer(413, 'Body too large for a Wix webhook');

		const credentials = await this.getCredentials('wixOAuth2Api');
		let event: WixEvent;
		const options = this.getNodeParameter('triggerOptions', {}) as { ignoreOwnWrites?: boolean; includeRaw?: boolean };
		try {
			event = readWixWebhook(raw.toString('utf8'), {
				publicKey: parsePublicKey(String(credentials.publicKey ?? '')),
				instanceId: String(credentials.instanceId ?? ''),
				includeRaw: options.includeRaw,
			});
		} catch (error) {
			if (!(error instanceof WebhookRejection)) throw new NodeOperationError(this.getNode(), error as Error);
			this.logger.warn(`Wix Trigger refused a webhook: ${error.message}`);
			return answer(401, 'Unauthorized');
		}

		const events = this.getNodeParameter('events', []) as string[];
		if (events.length && !events.includes(event.eventType)) return answer(200);
		if (options.ignoreOwnWrites !== false && event.entityFqdn === 'wix.contacts.v4.contact' && isOwnContactEvent(event)) return answer(200);

		const node = this.getNode();
		const memoryKey = `${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
		const inMemory = recentlySeen.get(memoryKey) ?? [];
		recentlySeen.set(memoryKey, inMemory);
		const staticData = this.getWorkflowStaticData('node') as { seenEventIds?: string[] };
		const stored = staticData.seenEventIds ?? [];
		if (inMemory.includes(event.eventId) || stored.includes(event.eventId)) return answer(200);
		remember(inMemory, event.eventId);
		remember(stored, event.eventId);
		staticData.seenEventIds = stored;

		return { workflowData: [this.helpers.returnJsonArray(event as unknown as IDataObject)] };
	}
}
