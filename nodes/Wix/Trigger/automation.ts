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

/** Where a user looks for a trigger: the Area parameter (node version 2) lists each area's triggers. */
export type AutomationArea = 'contacts' | 'members' | 'loyalty' | 'workflows' | 'forms' | 'tasks';

export interface AutomationAreaOption {
	name: string;
	value: AutomationArea;
	description: string;
	/** The area's Trigger On default: its most common trigger (Contact Created stays the default). */
	usual: string;
}

export const AUTOMATION_AREAS: AutomationAreaOption[] = [
	{
		name: 'Contacts',
		value: 'contacts',
		description: 'Contacts, labels, assignees, segments',
		usual: 'contacts-new_contact_was_created',
	},
	{
		name: 'Members',
		value: 'members',
		description: 'Site members: sign-ups, approvals, logins',
		usual: 'wix_members-uou_signs_up',
	},
	{
		name: 'Loyalty',
		value: 'loyalty',
		description: 'Loyalty points, tiers and rewards',
		usual: 'wix_loyalty-points_earned',
	},
	{
		name: 'Workflows & Pipelines',
		value: 'workflows',
		description: 'Cards of workflows and pipelines',
		usual: 'wix_workflows-card_added_or_moved',
	},
	{
		name: 'Forms',
		value: 'forms',
		description: 'Wix Forms, legacy Wix Forms and CMS forms',
		usual: 'wix_form_app-form_submitted',
	},
	{ name: 'Tasks', value: 'tasks', description: 'CRM tasks', usual: 'tasks-task_overdue' },
];

interface AutomationTrigger {
	appId: string;
	name: string;
	area: AutomationArea;
	/** When Wix fires it, as the option's description. */
	description: string;
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

// The Wix apps that define the triggers (the same IDs Wix Automations and Wix's own n8n node use).
const CONTACTS_APP = '74bff718-5977-47f2-9e5f-a9fd0047fd1f';
const SEGMENTS_APP = 'ee070097-0850-4f23-ad8c-3cdd4efd5244';
const MEMBERS_APP = 'eb377299-86b4-4a86-a1b5-774a2d1d374b';
const LOYALTY_APP = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';
const WORKFLOWS_APP = 'ea2821fc-7d97-40a9-9f75-772f29178430';
const FORMS_APP = '225dd912-7dea-4738-8688-4b8c6955ffc2';
const LEGACY_FORMS_APP = '14ce1214-b278-a7e4-1373-00cebd1bef7c';
const CMS_APP = '1973457f-c021-4da5-941f-58444ff761d4';
const TASKS_APP = '146c0d71-352e-4464-9a03-2e868aabe7b9';

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
		area: 'contacts',
		name: 'Contact Created',
		description: 'A contact is added to the site, by hand, an import, a form or the API',
		...aboutContact('created'),
	},
	'contacts-label_added_to_contact': {
		appId: CONTACTS_APP,
		area: 'contacts',
		name: 'Label Added to Contact',
		description: 'A label is added to a contact',
		...aboutContact('label'),
	},
	'contacts-label_removed_from_contact': {
		appId: CONTACTS_APP,
		area: 'contacts',
		name: 'Label Removed From Contact',
		description: 'A label is removed from a contact',
		...aboutContact('label'),
	},
	'contacts-contact_assigned': {
		appId: CONTACTS_APP,
		area: 'contacts',
		name: 'Contact Assigned',
		description: 'A contact is assigned to a site collaborator in the dashboard',
	},
	'segments-contact_enters_segment': {
		appId: SEGMENTS_APP,
		area: 'contacts',
		name: 'Contact Enters Segment',
		description: 'A contact starts matching a segment (or is added to a manual one)',
	},
	'segments-contact_leaves_segment': {
		appId: SEGMENTS_APP,
		area: 'contacts',
		name: 'Contact Leaves Segment',
		description: 'A contact stops matching a segment (or is removed from a manual one)',
	},
	'wix_members-uou_signs_up': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Signed Up',
		description: 'A visitor signs up as a site member',
	},
	'wix_sitemembers_app-new_member_requests_approval': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Requests Approval',
		description: 'A visitor signs up on a site where the owner approves new members',
	},
	'wix_members-member_approves': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Approved',
		description: 'A pending member is approved',
	},
	'wix_sitemembers_app-member_activation': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Contact Set as Member',
		description: 'The site owner makes an existing contact a site member',
	},
	'wix_sitemembers_app-member_email_confirmation_required': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Email Confirmation Required',
		description: 'A new member has to confirm their login email before they can log in',
	},
	'wix_members-member_logs_in': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Logs In',
		description: 'A member logs in to the site',
	},
	'wix_sitemembers_app-member_reset_password': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Asks to Reset Password',
		description: 'A member asks for a password reset',
	},
	'wix_members-member_blocked': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Blocked',
		description: 'A member is blocked from logging in',
	},
	'wix_members-member_deleted': {
		appId: MEMBERS_APP,
		area: 'members',
		name: 'Member Deleted',
		description: 'A member is deleted (the contact stays)',
	},
	'wix_loyalty-points_earned': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Points Earned',
		description: 'A customer earns points by an action of the loyalty program',
		ownDelivery: pointsWrittenByUs,
	},
	'wix_loyalty-points_adjusted': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Points Adjusted',
		description: 'A points balance is adjusted by hand or through the API',
		ownDelivery: pointsWrittenByUs,
	},
	'wix_loyalty-points_about_to_expire': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Points Expiring',
		description: 'Some of a customer’s points expire in 14 days',
	},
	'wix_loyalty-tier_updated': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Tier Reached',
		description: 'A customer enters another tier',
	},
	'wix_loyalty-loyalty_points_reached': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Reward Reachable',
		description: 'A customer has enough points for a reward',
	},
	'wix_loyalty-social_media_channel_followed': {
		appId: LOYALTY_APP,
		area: 'loyalty',
		name: 'Loyalty Social Profile Followed',
		description: 'A customer follows one of the site’s social media profiles to earn points',
	},
	'wix_workflows-card_added_or_moved': {
		appId: WORKFLOWS_APP,
		area: 'workflows',
		name: 'Workflow Card Added or Moved',
		description: 'A card is added to a workflow or moved to another stage',
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
	'wix_form_app-form_submitted': {
		appId: FORMS_APP,
		area: 'forms',
		name: 'Form Submitted',
		description: 'A visitor submits a Wix Form',
	},
	'wix_forms-form_submit': {
		appId: LEGACY_FORMS_APP,
		area: 'forms',
		name: 'Legacy Form Submitted',
		description: 'A visitor submits a form of the old Wix Forms & Payments app',
	},
	'cms-dataset_form_submitted': {
		appId: CMS_APP,
		area: 'forms',
		name: 'CMS Form Submitted',
		description: 'A visitor submits a form connected to a CMS collection',
	},
	'tasks-task_overdue': {
		appId: TASKS_APP,
		area: 'tasks',
		name: 'Task Overdue',
		description: 'An open task passes its due date',
	},
};

function optionsOf(entries: Array<[string, AutomationTrigger]>): INodePropertyOptions[] {
	return entries
		.map(([value, t]) => ({ name: t.name, value, description: t.description }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every trigger in one list (node version 1). */
export const AUTOMATION_TRIGGER_OPTIONS: INodePropertyOptions[] = optionsOf(
	Object.entries(AUTOMATION_TRIGGERS),
);

/** The triggers of one area (node version 2). */
export function automationTriggerOptions(area: AutomationArea): INodePropertyOptions[] {
	return optionsOf(Object.entries(AUTOMATION_TRIGGERS).filter(([, t]) => t.area === area));
}

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
