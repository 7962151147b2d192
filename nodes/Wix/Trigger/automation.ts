// The Wix Automation mode of the Wix Trigger: on activation it registers an automation whose
// "send via webhook" action posts to this node's URL (with a per-node secret), and removes it, and
// any earlier ones of this node, on deactivation. Needs only an API key.
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodePropertyOptions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as automationsApi from '../api/automations';
import * as contactsApi from '../api/contacts';
import * as workflowsApi from '../api/workflows';
import type { EntityEvent } from '../shared/echo';
import { carriesPointsMark } from '../shared/loyaltyMark';
import { wixApiRequest, wixApiRequestAllItems, type WixRequest } from '../transport';

/** Wix's app that performs "send via webhook" actions, and its action key. */
const WEBHOOK_ACTION = {
	appId: '139ef4fa-c108-8f9a-c7be-d5f492a2c939',
	actionKey: 'webhooks-action',
};

interface AutomationTrigger {
	appId: string;
	name: string;
	/** The entity event a delivery stands for, where our own writes can cause it (for Ignore Own Writes). */
	echo?: (payload: IDataObject) => EntityEvent;
	/** The request for the entity's current state: its revision tells a real repeat from a copy, and its mark shows our own creations. */
	entityRequest?: (payload: IDataObject) => WixRequest;
	/** The entity in that request's answer. */
	entityKey?: string;
	/** The ID of the entity a delivery is about; the request is made only when there is one. */
	entityId?: (payload: IDataObject) => unknown;
	/** What changes with every change of the entity (default: its `revision`). */
	revisionOf?: (entity: IDataObject) => unknown;
	/** Whether the delivery itself shows it was caused by our write (no read needed). */
	ownDelivery?: (payload: IDataObject) => boolean;
}

/** Points earned or adjusted by the Wix Loyalty node: the transaction's description carries our mark. */
const pointsWrittenByUs = (payload: IDataObject) => carriesPointsMark(payload.description);

const CONTACTS_APP = '74bff718-5977-47f2-9e5f-a9fd0047fd1f';

/** A trigger about one contact: the contact is read to see our mark and its revision. */
function aboutContact(
	slug: 'created' | 'label',
): Pick<AutomationTrigger, 'echo' | 'entityRequest' | 'entityKey'> {
	const read = {
		entityRequest: (payload: IDataObject) =>
			contactsApi.get(String(payload.contactId ?? ''), ['FULL']),
		entityKey: 'contact',
		entityId: (payload: IDataObject) => payload.contactId,
	};
	// A label change is never taken for ours: the contact as read when the delivery arrives may
	// already carry a later write of ours, which would hide a label someone else added before it.
	if (slug === 'label') return read;
	return {
		...read,
		echo: (payload) => ({
			entityFqdn: contactsApi.ENTITY_FQDN,
			slug,
			entityId: String(payload.contactId ?? ''),
			entity: { primaryInfo: { email: ((payload.contact ?? {}) as { email?: string }).email } },
		}),
	};
}

/** CRM-relevant Wix Automations triggers (trigger key -> the Wix app that defines it). */
export const AUTOMATION_TRIGGERS: Record<string, AutomationTrigger> = {
	'contacts-new_contact_was_created': {
		appId: CONTACTS_APP,
		name: 'Contact Created',
		...aboutContact('created'),
	},
	'contacts-label_added_to_contact': {
		appId: CONTACTS_APP,
		name: 'Label Added to Contact',
		...aboutContact('label'),
	},
	'contacts-label_removed_from_contact': {
		appId: CONTACTS_APP,
		name: 'Label Removed From Contact',
		...aboutContact('label'),
	},
	'wix_form_app-form_submitted': {
		appId: '225dd912-7dea-4738-8688-4b8c6955ffc2',
		name: 'Form Submitted',
	},
	'wix_members-uou_signs_up': {
		appId: 'eb377299-86b4-4a86-a1b5-774a2d1d374b',
		name: 'Member Signed Up',
	},
	'wix_members-member_approves': {
		appId: 'eb377299-86b4-4a86-a1b5-774a2d1d374b',
		name: 'Member Approved',
	},
	'wix_members-member_deleted': {
		appId: 'eb377299-86b4-4a86-a1b5-774a2d1d374b',
		name: 'Member Deleted',
	},
	'wix_loyalty-points_earned': {
		appId: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
		name: 'Loyalty Points Earned',
		ownDelivery: pointsWrittenByUs,
	},
	'wix_loyalty-points_adjusted': {
		appId: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
		name: 'Loyalty Points Adjusted',
		ownDelivery: pointsWrittenByUs,
	},
	'wix_loyalty-tier_updated': {
		appId: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
		name: 'Loyalty Tier Reached',
	},
	'wix_loyalty-loyalty_points_reached': {
		appId: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
		name: 'Loyalty Reward Reachable',
	},
	'wix_workflows-card_added_or_moved': {
		appId: 'ea2821fc-7d97-40a9-9f75-772f29178430',
		name: 'Workflow Card Added or Moved',
		// A card moved A → B, back, and to B again sends the same body twice: the card's updated date,
		// read once per delivery, tells that real repeat from a redelivery. Legacy cards have no
		// revision; an archived card answers `{}` and leaves the body alone to decide.
		entityRequest: (payload) => workflowsApi.getCard(String(payload.cardId ?? '')),
		entityKey: 'card',
		entityId: (payload) => payload.cardId,
		revisionOf: (card) => {
			const info = (card.info ?? {}) as { updatedDate?: unknown; updatedAt?: unknown };
			return info.updatedDate ?? info.updatedAt;
		},
	},
};

export const AUTOMATION_TRIGGER_OPTIONS: INodePropertyOptions[] = Object.entries(
	AUTOMATION_TRIGGERS,
)
	.map(([value, t]) => ({ name: t.name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

interface AutomationState {
	automationId?: string;
	secret?: string;
}

interface WixAutomation {
	id?: string;
	configuration?: {
		actions?: Record<
			string,
			{ appDefinedInfo?: { actionKey?: string; inputMapping?: { url?: string } } }
		>;
	};
}

function webhookUrlsOf(automation: WixAutomation): string[] {
	return Object.values(automation.configuration?.actions ?? {})
		.filter((a) => a.appDefinedInfo?.actionKey === WEBHOOK_ACTION.actionKey)
		.map((a) => String(a.appDefinedInfo?.inputMapping?.url ?? ''));
}

/** This node's URL without query: every automation it ever registered posts to it. */
function baseUrl(ctx: IHookFunctions): string {
	return String(ctx.getNodeWebhookUrl('default'));
}

function isNotFound(error: unknown): boolean {
	return (error as NodeApiError)?.httpCode === '404';
}

export async function automationExists(ctx: IHookFunctions): Promise<boolean> {
	const state = ctx.getWorkflowStaticData('node') as AutomationState;
	if (!state.automationId || !state.secret) return false;
	let automation: WixAutomation;
	try {
		automation = (
			await wixApiRequest<{ automation: WixAutomation }>(
				ctx,
				automationsApi.get(state.automationId),
			)
		).automation;
	} catch (error) {
		if (!isNotFound(error)) throw new NodeOperationError(ctx.getNode(), error as Error);
		ctx.logger.info(
			`Wix automation ${state.automationId} no longer exists; it will be registered again`,
		);
		delete state.automationId;
		return false;
	}
	return webhookUrlsOf(automation).includes(`${baseUrl(ctx)}?secret=${state.secret}`);
}

/** Deletes every automation that posts to this node, found by paging through all of them. */
async function removeOwnAutomations(ctx: IHookFunctions): Promise<number> {
	const all = await wixApiRequestAllItems<WixAutomation>(ctx, automationsApi.queryAll());
	const mine = all.filter((a) =>
		webhookUrlsOf(a).some((url) => url === baseUrl(ctx) || url.startsWith(`${baseUrl(ctx)}?`)),
	);
	for (const automation of mine) {
		try {
			await wixApiRequest(ctx, automationsApi.remove(String(automation.id)));
		} catch (error) {
			if (!isNotFound(error)) throw new NodeOperationError(ctx.getNode(), error as Error);
			ctx.logger.info(`Wix automation ${automation.id} was already gone`);
		}
	}
	return mine.length;
}

export async function createAutomation(ctx: IHookFunctions): Promise<boolean> {
	const triggerKey = ctx.getNodeParameter('automationTrigger') as string;
	const trigger = AUTOMATION_TRIGGERS[triggerKey];
	if (!trigger)
		throw new NodeOperationError(ctx.getNode(), `Unknown Wix Automations trigger "${triggerKey}"`);
	await removeOwnAutomations(ctx);
	const state = ctx.getWorkflowStaticData('node') as AutomationState;
	const secret = randomBytes(24).toString('hex');
	const actionId = randomBytes(16).toString('hex');
	const automation: IDataObject = {
		name: `n8n: ${ctx.getWorkflow().name ?? 'workflow'} (${ctx.getNode().name})`,
		description: 'Created by the Wix Trigger node of n8n; deactivating the workflow removes it.',
		configuration: {
			status: 'ACTIVE',
			trigger: { appId: trigger.appId, triggerKey, filters: [] },
			rootActionIds: [actionId],
			actions: {
				[actionId]: {
					id: actionId,
					type: 'APP_DEFINED',
					appDefinedInfo: {
						...WEBHOOK_ACTION,
						inputMapping: {
							url: `${baseUrl(ctx)}?secret=${secret}`,
							method: 'POST',
							hasCustomParams: false,
						},
					},
				},
			},
		},
	};
	const created = (
		await wixApiRequest<{ automation: WixAutomation }>(ctx, automationsApi.create(automation))
	).automation;
	state.automationId = created.id;
	state.secret = secret;
	return true;
}

export async function deleteAutomation(ctx: IHookFunctions): Promise<boolean> {
	await removeOwnAutomations(ctx);
	const state = ctx.getWorkflowStaticData('node') as AutomationState;
	delete state.automationId;
	delete state.secret;
	return true;
}

export function secretMatches(given: unknown, expected: string | undefined): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * An automation delivery carries no event ID: a redelivery has an identical body and finds the
 * entity at the same revision; a real repeat of an identical body comes with a newer revision.
 */
export function deliveryId(raw: Buffer, revision?: string): string {
	const hash = createHash('sha256').update(raw).digest('hex');
	return revision === undefined ? hash : `${hash}:r${revision}`;
}

/** Reads a delivery's body: JSON (the usual) or form-encoded, with the payload under `data` or flat. */
export function readDelivery(raw: Buffer): Record<string, unknown> | undefined {
	const text = raw.toString('utf8').trim();
	let body: unknown;
	if (text.startsWith('{')) {
		try {
			body = JSON.parse(text);
		} catch {
			return undefined;
		}
	} else if (text.includes('=')) {
		body = Object.fromEntries(new URLSearchParams(text));
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	const data = record.data;
	if (typeof data === 'object' && data !== null && !Array.isArray(data))
		return data as Record<string, unknown>;
	if (typeof data === 'string' && data.trim().startsWith('{')) {
		try {
			return JSON.parse(data) as Record<string, unknown>;
		} catch {
			return undefined;
		}
	}
	return record;
}

/**
 * What a delivery is about, with the entity as Wix holds it now (read once per delivery for the
 * triggers about a contact or a legacy card): the event for Ignore Own Writes, and the entity's
 * revision (a card's updated date), which tells a real repeat (the same label added again later,
 * a card moved back and forth: an identical body, a newer revision) from a redelivery. A record
 * that is gone leaves what the delivery said.
 */
export async function readAutomationEntity(
	ctx: IWebhookFunctions,
	triggerKey: string,
	payload: IDataObject,
): Promise<{ event?: EntityEvent; revision?: string }> {
	const trigger = AUTOMATION_TRIGGERS[triggerKey];
	const event = trigger?.echo?.(payload);
	if (!trigger?.entityRequest || !trigger.entityKey || !trigger.entityId?.(payload))
		return { event };
	try {
		const response = await wixApiRequest<IDataObject>(ctx, trigger.entityRequest(payload));
		const entity = response[trigger.entityKey] as IDataObject | undefined;
		if (!entity) return { event };
		const changed = trigger.revisionOf ? trigger.revisionOf(entity) : entity.revision;
		const revision =
			changed === undefined || changed === null || changed === '' ? undefined : String(changed);
		return { event: event && { ...event, entity: { ...event.entity, ...entity } }, revision };
	} catch (error) {
		ctx.logger.info(
			`Wix Trigger: could not read the record of this delivery: ${(error as Error).message}`,
		);
		return { event };
	}
}

/** Whether a delivery shows by itself that our own write caused it (loyalty points earned or adjusted). */
export function isOwnDelivery(triggerKey: string, payload: IDataObject): boolean {
	return AUTOMATION_TRIGGERS[triggerKey]?.ownDelivery?.(payload) ?? false;
}
