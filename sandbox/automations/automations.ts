/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Automations v2 (the API the official n8n node uses to register its webhook): create, get,
// query (cursor paging) and delete automations, and run the "send via webhook" action when a
// trigger the sandbox knows happens.
import type { SiteContext } from '../core/context';
import { appError, notFound, validationError } from '../core/errors';
import { decodeCursor, encodeCursor } from '../core/query';
import type { Webhooks } from '../core/webhooks';
import type { Automation, CreateAutomationResponse, QueryAutomationsResponse } from './types';

export interface AutomationsState {
	automations: AutomationsStore;
}

/** Wix's own app that performs "Send via webhook" actions. */
export const WEBHOOK_ACTION_APP_ID = '139ef4fa-c108-8f9a-c7be-d5f492a2c939';
export const WEBHOOK_ACTION_KEY = 'webhooks-action';

const APPS = {
	contacts: '74bff718-5977-47f2-9e5f-a9fd0047fd1f',
	segments: 'ee070097-0850-4f23-ad8c-3cdd4efd5244',
	members: 'eb377299-86b4-4a86-a1b5-774a2d1d374b',
	loyalty: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
	workflows: 'ea2821fc-7d97-40a9-9f75-772f29178430',
	forms: '225dd912-7dea-4738-8688-4b8c6955ffc2',
	legacyForms: '14ce1214-b278-a7e4-1373-00cebd1bef7c',
	cms: '1973457f-c021-4da5-941f-58444ff761d4',
	tasks: '146c0d71-352e-4464-9a03-2e868aabe7b9',
};

/** Trigger catalog: app ID and trigger key, as Wix Automations names them. */
export const TRIGGERS: Record<string, string> = {
	'contacts-new_contact_was_created': APPS.contacts,
	'contacts-label_added_to_contact': APPS.contacts,
	'contacts-label_removed_from_contact': APPS.contacts,
	'contacts-contact_assigned': APPS.contacts,
	'segments-contact_enters_segment': APPS.segments,
	'segments-contact_leaves_segment': APPS.segments,
	'wix_form_app-form_submitted': APPS.forms,
	'wix_forms-form_submit': APPS.legacyForms,
	'cms-dataset_form_submitted': APPS.cms,
	'wix_members-uou_signs_up': APPS.members,
	'wix_members-member_approves': APPS.members,
	'wix_members-member_deleted': APPS.members,
	'wix_members-member_blocked': APPS.members,
	'wix_members-member_logs_in': APPS.members,
	'wix_sitemembers_app-member_activation': APPS.members,
	'wix_sitemembers_app-member_email_confirmation_required': APPS.members,
	'wix_sitemembers_app-member_reset_password': APPS.members,
	'wix_sitemembers_app-new_member_requests_approval': APPS.members,
	'wix_loyalty-points_earned': APPS.loyalty,
	'wix_loyalty-points_adjusted': APPS.loyalty,
	'wix_loyalty-tier_updated': APPS.loyalty,
	'wix_loyalty-loyalty_points_reached': APPS.loyalty,
	'wix_loyalty-points_about_to_expire': APPS.loyalty,
	'wix_loyalty-social_media_channel_followed': APPS.loyalty,
	'wix_workflows-card_added_or_moved': APPS.workflows,
	'tasks-task_overdue': APPS.tasks,
};

const PAGE_MAX = 100;

export class AutomationsStore {
	readonly automations = new Map<string, Automation>();

	create(ctx: SiteContext, body: Record<string, any>): CreateAutomationResponse {
		const input = body.automation;
		if (typeof input !== 'object' || input === null)
			throw validationError([{ field: 'automation', description: 'is required' }]);
		if (typeof input.name !== 'string' || !input.name.trim())
			throw validationError([{ field: 'automation.name', description: 'is required' }]);
		const configuration = input.configuration ?? {};
		const trigger = configuration.trigger ?? {};
		if (
			TRIGGERS[trigger.triggerKey] === undefined ||
			TRIGGERS[trigger.triggerKey] !== trigger.appId
		) {
			throw appError(
				400,
				'TRIGGER_NOT_FOUND',
				`No trigger ${JSON.stringify(trigger.triggerKey)} for app ${JSON.stringify(trigger.appId)}`,
			);
		}
		const actions = configuration.actions ?? {};
		const roots: unknown = configuration.rootActionIds;
		if (!Array.isArray(roots) || roots.length === 0 || roots.some((id) => !actions[id as string])) {
			throw validationError([
				{
					field: 'automation.configuration.rootActionIds',
					description: 'must name actions of the automation',
				},
			]);
		}
		for (const [id, action] of Object.entries<any>(actions)) {
			if (
				action.type === 'APP_DEFINED' &&
				action.appDefinedInfo?.actionKey === WEBHOOK_ACTION_KEY
			) {
				const url = action.appDefinedInfo.inputMapping?.url;
				if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
					throw validationError([
						{
							field: `automation.configuration.actions.${id}.appDefinedInfo.inputMapping.url`,
							description: 'must be an http(s) URL',
						},
					]);
				}
			}
		}
		const now = ctx.site.now();
		const automation: Automation = {
			...structuredClone(input),
			id: ctx.site.newId(),
			revision: '1',
			createdDate: now,
			updatedDate: now,
			configuration: { status: 'ACTIVE', ...structuredClone(configuration) },
		};
		this.automations.set(automation.id!, automation);
		return { automation };
	}

	get(id: string): { automation: Automation } {
		const automation = this.automations.get(id);
		if (!automation) throw notFound('AUTOMATION_NOT_FOUND', `Automation ${id}`);
		return { automation };
	}

	delete(id: string): Record<string, never> {
		if (!this.automations.delete(id)) throw notFound('AUTOMATION_NOT_FOUND', `Automation ${id}`);
		return {};
	}

	query(body: Record<string, any>): QueryAutomationsResponse {
		const paging = body.query?.cursorPaging ?? {};
		const limit = paging.limit === undefined ? 50 : Number(paging.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
			throw appError(400, 'ILLEGAL_LIMIT', `cursorPaging.limit must be 1 to ${PAGE_MAX}`);
		const start = paging.cursor ? decodeCursor(paging.cursor).offset : 0;
		const all = [...this.automations.values()];
		const slice = all.slice(start, start + limit);
		const hasNext = start + limit < all.length;
		return {
			automations: slice,
			pagingMetadata: {
				count: slice.length,
				hasNext,
				cursors: { next: hasNext ? encodeCursor(start + limit, {}) : null },
			},
		};
	}

	/** The webhook URLs of the active automations listening to `triggerKey`. */
	targetsFor(triggerKey: string): string[] {
		const urls: string[] = [];
		for (const automation of this.automations.values()) {
			const configuration = automation.configuration ?? {};
			if (configuration.status !== 'ACTIVE' || configuration.trigger?.triggerKey !== triggerKey)
				continue;
			for (const action of Object.values(configuration.actions ?? {})) {
				const info = action.appDefinedInfo;
				if (
					info?.appId === WEBHOOK_ACTION_APP_ID &&
					info.actionKey === WEBHOOK_ACTION_KEY &&
					typeof info.inputMapping?.url === 'string'
				) {
					urls.push(info.inputMapping.url as string);
				}
			}
		}
		return urls;
	}
}

export function automationsState(): AutomationsState {
	return { automations: new AutomationsStore() };
}

/**
 * "Send via webhook": a plain JSON POST of the trigger's payload under `data`, unsigned, through the
 * same delivery loop as app webhooks. The delay fault is not applied here, only the copies.
 */
export function fireAutomations(
	store: AutomationsStore,
	webhooks: Webhooks,
	triggerKey: string,
	payload: Record<string, unknown>,
) {
	for (const url of store.targetsFor(triggerKey)) {
		const body = JSON.stringify({ data: { ...payload, triggerKey } });
		webhooks.send({
			url,
			contentType: 'application/json',
			body,
			delayMs: 0,
			targetId: `automation:${url}`,
			eventId: '',
			eventType: triggerKey,
		});
	}
}
