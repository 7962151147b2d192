/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Every Wix Automations trigger of the Wix Trigger against the sandbox: the node registers the
// trigger as n8n would on activation (version 2, by area), a sandbox action makes Wix fire it, the
// one "send via webhook" delivery carries the node's secret and the payload, and the node's
// webhook() starts one execution from it.
import type { IDataObject } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { TRIGGERS } from '../../sandbox/automations/automations';
import {
	AUTOMATION_AREAS,
	AUTOMATION_TRIGGERS,
	type AutomationArea,
} from '../../nodes/Wix/Trigger/automation';
import { WixTrigger } from '../../nodes/Wix/Trigger/WixTrigger.node';
import { runHook, runWebhook } from '../helpers/executeContext';
import { admin, apiKeyCredentials, loyaltyKit, useTestSandbox, wix } from '../helpers/sandbox';
import { useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const receiver = useWebhookReceiver();
const trigger = new WixTrigger();
const V1 = '/workflows/v1';

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function contact(first: string, email = `${first.toLowerCase()}@example.com`) {
	return (
		await ok('POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		})
	).contact;
}

async function member(first: string, options: IDataObject = {}) {
	const c = await contact(first);
	return (await admin(sandbox, 'POST', '/members', { contactId: c.id, ...options })).member;
}

/** A loyalty account of a new contact, the program activated first (the empty seed has it paused). */
async function loyaltyAccount(first: string) {
	await ok('POST', '/loyalty-programs/v1/program/activate');
	return await loyaltyKit(sandbox).account(first);
}

/** What a row's setup hands its action; `expected` is what the delivery's payload must hold. */
type Fixtures = Record<string, any>;

interface Row {
	area: AutomationArea;
	key: string;
	/** Runs before the node registers, so what it causes cannot reach the automation. */
	setup?: () => Promise<Fixtures>;
	act: (f: Fixtures) => Promise<IDataObject>;
}

const ROWS: Row[] = [
	// Contacts
	{
		area: 'contacts',
		key: 'contacts-new_contact_was_created',
		act: async () => {
			const c = await contact('Ada');
			return { contactId: c.id, contact: { email: 'ada@example.com' } };
		},
	},
	{
		area: 'contacts',
		key: 'contacts-label_added_to_contact',
		setup: async () => ({
			c: await contact('Ada'),
			label: (await ok('POST', '/contacts/v4/labels', { displayName: 'VIP' })).label,
		}),
		act: async ({ c, label }) => {
			await ok('POST', `/contacts/v4/contacts/${c.id}/labels`, { labelKeys: [label.key] });
			return { contactId: c.id, labelKey: label.key };
		},
	},
	{
		area: 'contacts',
		key: 'contacts-label_removed_from_contact',
		setup: async () => {
			const c = await contact('Ada');
			const label = (await ok('POST', '/contacts/v4/labels', { displayName: 'VIP' })).label;
			await ok('POST', `/contacts/v4/contacts/${c.id}/labels`, { labelKeys: [label.key] });
			return { c, label };
		},
		act: async ({ c, label }) => {
			await ok('DELETE', `/contacts/v4/contacts/${c.id}/labels?labelKeys=${label.key}`);
			return { contactId: c.id, labelKey: label.key };
		},
	},
	{
		area: 'contacts',
		key: 'contacts-contact_assigned',
		setup: async () => ({ c: await contact('Ada') }),
		act: async ({ c }) => {
			await admin(sandbox, 'POST', `/contacts/${c.id}/assign`, { assigneeId: 'user-7' });
			return { contactId: c.id, assigneeId: 'user-7', contact: { email: 'ada@example.com' } };
		},
	},
	{
		area: 'contacts',
		key: 'segments-contact_enters_segment',
		setup: async () => ({
			c: await contact('Ada'),
			segment: (await admin(sandbox, 'POST', '/segments', { name: 'Big spenders' })).segment,
		}),
		act: async ({ c, segment }) => {
			await admin(sandbox, 'POST', `/segments/${segment.id}/contacts`, { contactId: c.id });
			// Entering again changes nothing: the row's one-delivery check would see a second.
			await admin(sandbox, 'POST', `/segments/${segment.id}/contacts`, { contactId: c.id });
			return { contactId: c.id, segmentId: segment.id, segmentName: 'Big spenders' };
		},
	},
	{
		area: 'contacts',
		key: 'segments-contact_leaves_segment',
		setup: async () => {
			const c = await contact('Ada');
			const { segment } = await admin(sandbox, 'POST', '/segments', { name: 'Big spenders' });
			await admin(sandbox, 'POST', `/segments/${segment.id}/contacts`, { contactId: c.id });
			return { c, segment };
		},
		act: async ({ c, segment }) => {
			await admin(sandbox, 'DELETE', `/segments/${segment.id}/contacts/${c.id}`);
			await admin(sandbox, 'DELETE', `/segments/${segment.id}/contacts/${c.id}`);
			return { contactId: c.id, segmentId: segment.id };
		},
	},
	// Members
	{
		area: 'members',
		key: 'wix_members-uou_signs_up',
		setup: async () => ({ c: await contact('Ada') }),
		act: async ({ c }) => {
			const { member: m } = await admin(sandbox, 'POST', '/members', { contactId: c.id });
			return { memberId: m.id, contactId: c.id, email: 'ada@example.com', status: 'APPROVED' };
		},
	},
	{
		area: 'members',
		key: 'wix_sitemembers_app-new_member_requests_approval',
		setup: async () => ({ c: await contact('Ada') }),
		act: async ({ c }) => {
			const { member: m } = await admin(sandbox, 'POST', '/members', {
				contactId: c.id,
				approval: true,
			});
			return { memberId: m.id, contactId: c.id, status: 'PENDING' };
		},
	},
	{
		area: 'members',
		key: 'wix_members-member_approves',
		setup: async () => ({ m: await member('Ada', { approval: true }) }),
		act: async ({ m }) => {
			await ok('POST', `/members/v1/members/${m.id}/approve`, {});
			// Approving an approved member changes nothing and fires nothing.
			await ok('POST', `/members/v1/members/${m.id}/approve`, {});
			return { memberId: m.id, status: 'APPROVED' };
		},
	},
	{
		area: 'members',
		key: 'wix_sitemembers_app-member_activation',
		setup: async () => ({ c: await contact('Ada') }),
		act: async ({ c }) => {
			const { member: m } = await admin(sandbox, 'POST', '/members', {
				contactId: c.id,
				byOwner: true,
			});
			return { memberId: m.id, contactId: c.id };
		},
	},
	{
		area: 'members',
		key: 'wix_sitemembers_app-member_email_confirmation_required',
		setup: async () => ({ c: await contact('Ada') }),
		act: async ({ c }) => {
			const { member: m } = await admin(sandbox, 'POST', '/members', {
				contactId: c.id,
				confirmEmail: true,
			});
			return { memberId: m.id, email: 'ada@example.com' };
		},
	},
	{
		area: 'members',
		key: 'wix_members-member_logs_in',
		setup: async () => ({ m: await member('Ada') }),
		act: async ({ m }) => {
			const { member: after } = await admin(sandbox, 'POST', `/members/${m.id}/login`, {});
			return { memberId: m.id, lastLoginDate: after.lastLoginDate };
		},
	},
	{
		area: 'members',
		key: 'wix_sitemembers_app-member_reset_password',
		setup: async () => ({ m: await member('Ada') }),
		act: async ({ m }) => {
			await admin(sandbox, 'POST', `/members/${m.id}/reset-password`, {});
			return { memberId: m.id, email: 'ada@example.com' };
		},
	},
	{
		area: 'members',
		key: 'wix_members-member_blocked',
		setup: async () => ({ m: await member('Ada') }),
		act: async ({ m }) => {
			const { member: after } = await ok('POST', `/members/v1/members/${m.id}/block`, {});
			expect(after.status).toBe('BLOCKED');
			return { memberId: m.id, contactId: m.contactId, status: 'BLOCKED' };
		},
	},
	{
		area: 'members',
		key: 'wix_members-member_deleted',
		setup: async () => ({ m: await member('Ada') }),
		act: async ({ m }) => {
			await ok('DELETE', `/members/v1/members/${m.id}`);
			return { memberId: m.id, contactId: m.contactId };
		},
	},
	// Loyalty
	{
		area: 'loyalty',
		key: 'wix_loyalty-points_earned',
		setup: async () => ({ a: await loyaltyAccount('Ada') }),
		act: async ({ a }) => {
			await loyaltyKit(sandbox).earn(a.id, 40);
			return { accountId: a.id, pointsEarned: 40, pointsBalance: 40 };
		},
	},
	{
		area: 'loyalty',
		key: 'wix_loyalty-points_adjusted',
		setup: async () => ({ a: await loyaltyAccount('Ada') }),
		act: async ({ a }) => {
			await ok('POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, { amount: 15 });
			return { accountId: a.id, pointsAdjusted: 15, previousBalance: 0 };
		},
	},
	{
		area: 'loyalty',
		key: 'wix_loyalty-tier_updated',
		setup: async () => {
			await ok('POST', '/loyalty-tiers/v1/tiers', {
				tier: { tierDefinition: { name: 'Silver' }, requiredPoints: 100 },
			});
			return { a: await loyaltyAccount('Ada') };
		},
		act: async ({ a }) => {
			await loyaltyKit(sandbox).earn(a.id, 150);
			return { accountId: a.id, tierName: 'Silver' };
		},
	},
	{
		area: 'loyalty',
		key: 'wix_loyalty-loyalty_points_reached',
		setup: async () => ({ a: await loyaltyAccount('Ada') }),
		act: async ({ a }) => {
			await loyaltyKit(sandbox).earn(a.id, 150);
			return { accountId: a.id, pointsBalance: 150 };
		},
	},
	{
		area: 'loyalty',
		key: 'wix_loyalty-points_about_to_expire',
		setup: async () => {
			const a = await loyaltyAccount('Ada');
			await loyaltyKit(sandbox).earn(a.id, 80);
			return { a };
		},
		act: async ({ a }) => {
			const { expirationDate } = await admin(
				sandbox,
				'POST',
				`/loyalty/accounts/${a.id}/expiring`,
				{
					points: 30,
				},
			);
			return { accountId: a.id, pointsToExpire: 30, pointsBalance: 80, expirationDate };
		},
	},
	{
		area: 'loyalty',
		key: 'wix_loyalty-social_media_channel_followed',
		setup: async () => ({ a: await loyaltyAccount('Ada') }),
		act: async ({ a }) => {
			await admin(sandbox, 'POST', `/loyalty/accounts/${a.id}/social-follow`, {
				channel: 'FACEBOOK',
			});
			return { accountId: a.id, channel: 'FACEBOOK' };
		},
	},
	// Workflows & pipelines
	{
		area: 'workflows',
		key: 'wix_workflows-card_added_or_moved',
		setup: async () => {
			const { id } = await ok('POST', `${V1}/workflows`, { workflow: { name: 'Funnel' } });
			const phase = await ok('POST', `${V1}/workflows/${id}/phases`, { phase: { name: 'New' } });
			return { id, phase: phase.id, c: await contact('Ada') };
		},
		act: async ({ id, phase, c }) => {
			const card = await ok('POST', `${V1}/workflows/${id}/phases/${phase}/cards`, {
				card: { name: 'Ada', primaryAttachment: { contactId: c.id }, source: 'Web' },
			});
			return { cardId: card.id, workflowId: id, phaseId: phase };
		},
	},
	// Forms
	...(
		[
			['wix_form_app-form_submitted', 'wixForms'],
			['wix_forms-form_submit', 'legacy'],
			['cms-dataset_form_submitted', 'cms'],
		] as const
	).map(
		([key, app]): Row => ({
			area: 'forms',
			key,
			act: async () => {
				const submission = await admin(sandbox, 'POST', '/forms/submit', {
					app,
					formName: 'Quote request',
					email: 'ada@example.com',
					firstName: 'Ada',
					fields: { message: 'Call me' },
				});
				return {
					formName: 'Quote request',
					submissionId: submission.submissionId,
					contactId: submission.contactId,
					'field:message': 'Call me',
				};
			},
		}),
	),
	// Tasks
	{
		area: 'tasks',
		key: 'tasks-task_overdue',
		setup: async () => {
			const c = await contact('Ada');
			const { task } = await ok('POST', '/tasks/v2/tasks', {
				task: {
					title: 'Call Ada back',
					dueDate: new Date(Date.now() - 60_000).toISOString(),
					contact: { id: c.id },
				},
			});
			return { c, task };
		},
		act: async ({ c, task }) => {
			const { overdue } = await admin(sandbox, 'POST', '/tasks/check-overdue', {});
			expect(overdue).toEqual([task.id]);
			// The next check finds the same task already reported.
			expect((await admin(sandbox, 'POST', '/tasks/check-overdue', {})).overdue).toEqual([]);
			return { taskId: task.id, title: 'Call Ada back', contactId: c.id, dueDate: task.dueDate };
		},
	},
];

const parametersOf = (row: Pick<Row, 'area' | 'key'>) => ({
	source: 'automation',
	authentication: 'apiKey',
	automationArea: row.area,
	automationTrigger: row.key,
});

it('covers every trigger the node offers, each in its area, with the app Wix files it under', () => {
	expect(ROWS.map((r) => r.key).sort()).toEqual(Object.keys(AUTOMATION_TRIGGERS).sort());
	for (const row of ROWS) {
		expect(AUTOMATION_TRIGGERS[row.key].area).toBe(row.area);
		expect(TRIGGERS[row.key]).toBe(AUTOMATION_TRIGGERS[row.key].appId);
		expect(AUTOMATION_TRIGGERS[row.key].description).toMatch(/\w/);
	}
	expect(new Set(ROWS.map((r) => r.area))).toEqual(new Set(AUTOMATION_AREAS.map((a) => a.value)));
});

describe.each(ROWS)('$key ($area)', (row) => {
	it('registers, fires once from a sandbox action, and starts one execution', async () => {
		const fixtures = (await row.setup?.()) ?? {};
		const staticData: IDataObject = {};
		const hook = {
			node: trigger,
			parameters: parametersOf(row),
			credentials: apiKeyCredentials(sandbox),
			staticData,
			webhookUrl: receiver.url,
			typeVersion: 2,
		};
		expect(await runHook(hook, 'checkExists')).toBe(false);
		expect(await runHook(hook, 'create')).toBe(true);
		const { automations } = await admin(sandbox, 'GET', '/automations');
		expect(automations).toHaveLength(1);
		expect(automations[0].configuration.trigger).toEqual({
			appId: AUTOMATION_TRIGGERS[row.key].appId,
			triggerKey: row.key,
			filters: [],
		});
		expect(await runHook(hook, 'checkExists')).toBe(true);

		await sandbox.settleWebhooks();
		receiver.received.length = 0;
		const expected = await row.act(fixtures);
		await sandbox.settleWebhooks();
		const deliveries = receiver.received;
		expect(deliveries).toHaveLength(1);
		const [delivery] = deliveries;
		expect(delivery.contentType).toBe('application/json');
		const secret = new URL(delivery.url, 'http://x').searchParams.get('secret');
		expect(secret).toBe(staticData.secret);
		const data = JSON.parse(delivery.body).data;
		expect(data).toMatchObject({ ...expected, triggerKey: row.key });

		const run = await runWebhook({
			node: trigger,
			parameters: parametersOf(row),
			credentials: apiKeyCredentials(sandbox),
			staticData,
			body: delivery.body,
			query: { secret: String(secret) },
			typeVersion: 2,
		});
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(1);
		expect(run.items![0]).toMatchObject({ eventType: row.key, source: 'automation', data });

		expect(await runHook(hook, 'delete')).toBe(true);
		expect((await admin(sandbox, 'GET', '/automations')).automations).toEqual([]);
	});
});

describe('the Area parameter and saved workflows', () => {
	const resolve = (parameters: IDataObject, typeVersion: number) =>
		NodeHelpers.getNodeParameters(
			trigger.description.properties,
			parameters as never,
			true,
			false,
			{ typeVersion } as never,
			trigger.description,
		)!;

	it('lists in each area exactly the triggers of that area', () => {
		const perArea = trigger.description.properties.filter(
			(p) => p.name === 'automationTrigger' && p.displayOptions?.show?.automationArea,
		);
		expect(perArea).toHaveLength(AUTOMATION_AREAS.length);
		for (const property of perArea) {
			const [area] = property.displayOptions!.show!.automationArea as string[];
			const keys = (property.options as Array<{ value: string; description?: string }>).map(
				(o) => o.value,
			);
			expect(keys.sort()).toEqual(
				Object.keys(AUTOMATION_TRIGGERS)
					.filter((k) => AUTOMATION_TRIGGERS[k].area === area)
					.sort(),
			);
			expect(keys).toContain(property.default);
		}
	});

	it('keeps a version 1 node (no area) on the trigger it was saved with, any area', () => {
		for (const key of ['wix_loyalty-points_earned', 'tasks-task_overdue', 'wix_forms-form_submit'])
			expect(resolve({ source: 'automation', automationTrigger: key }, 1)).toMatchObject({
				automationTrigger: key,
			});
		expect(resolve({ source: 'automation' }, 1)).toMatchObject({
			automationTrigger: 'contacts-new_contact_was_created',
		});
		expect(resolve({ source: 'automation' }, 1).automationArea).toBeUndefined();
	});

	it('gives a version 2 node the usual trigger of the area chosen', () => {
		expect(resolve({ source: 'automation' }, 2)).toMatchObject({
			automationArea: 'contacts',
			automationTrigger: 'contacts-new_contact_was_created',
		});
		expect(resolve({ source: 'automation', automationArea: 'tasks' }, 2)).toMatchObject({
			automationTrigger: 'tasks-task_overdue',
		});
		expect(resolve({ source: 'automation', automationArea: 'members' }, 2)).toMatchObject({
			automationTrigger: 'wix_members-uou_signs_up',
		});
	});

	it('registers a saved version 1 node that names a loyalty trigger', async () => {
		const hook = {
			node: trigger,
			parameters: {
				source: 'automation',
				authentication: 'apiKey',
				automationTrigger: 'wix_loyalty-points_about_to_expire',
			},
			credentials: apiKeyCredentials(sandbox),
			staticData: {},
			webhookUrl: receiver.url,
		};
		expect(await runHook(hook, 'create')).toBe(true);
		const { automations } = await admin(sandbox, 'GET', '/automations');
		expect(automations.map((a: any) => a.configuration.trigger.triggerKey)).toEqual([
			'wix_loyalty-points_about_to_expire',
		]);
	});
});

describe('sandbox actions that must not fire', () => {
	it('task overdue: not before the due date, not when completed, again after a new due date', async () => {
		const due = new Date(Date.now() + 3_600_000).toISOString();
		const { task } = await ok('POST', '/tasks/v2/tasks', {
			task: { title: 'Later', dueDate: due },
		});
		const { task: done } = await ok('POST', '/tasks/v2/tasks', {
			task: {
				title: 'Done',
				dueDate: new Date(Date.now() - 1000).toISOString(),
				status: 'COMPLETED',
			},
		});
		expect((await admin(sandbox, 'POST', '/tasks/check-overdue', {})).overdue).toEqual([]);
		const later = new Date(Date.now() + 7_200_000).toISOString();
		expect((await admin(sandbox, 'POST', '/tasks/check-overdue', { at: later })).overdue).toEqual([
			task.id,
		]);
		await ok('PATCH', `/tasks/v2/tasks/${task.id}`, {
			task: { dueDate: new Date(Date.now() - 5000).toISOString() },
		});
		expect((await admin(sandbox, 'POST', '/tasks/check-overdue', {})).overdue).toEqual([task.id]);
		expect((await ok('GET', `/tasks/v2/tasks/${done.id}`)).task.status).toBe('COMPLETED');
		const bad = await wix(sandbox, 'POST', '/tasks/v2/tasks', { task: { status: 'LATER' } });
		expect(bad.status).toBe(400);
		const empty = await ok('POST', '/tasks/v2/tasks', {});
		expect(empty.task).toMatchObject({ title: '', status: 'ACTION_NEEDED', dueDate: null });
	});

	it('members: a pending or blocked member cannot log in; an unknown member is 404', async () => {
		const pending = await member('Pat', { approval: true });
		await expect(admin(sandbox, 'POST', `/members/${pending.id}/login`, {})).rejects.toThrow(/409/);
		const m = await member('Bo');
		await ok('POST', `/members/v1/members/${m.id}/block`, {});
		await expect(admin(sandbox, 'POST', `/members/${m.id}/login`, {})).rejects.toThrow(/409/);
		const missing = await wix(sandbox, 'POST', '/members/v1/members/nope/block', {});
		expect(missing.status).toBe(404);
		await ok('DELETE', `/members/v1/members/${m.id}`);
		expect((await wix(sandbox, 'GET', `/members/v1/members/${m.id}`)).status).toBe(404);
		// The contact stays.
		expect((await wix(sandbox, 'GET', `/contacts/v4/contacts/${m.contactId}`)).status).toBe(200);
	});

	it('loyalty expiring points must be 1 to the balance', async () => {
		const a = await loyaltyAccount('Ada');
		await loyaltyKit(sandbox).earn(a.id, 10);
		await expect(
			admin(sandbox, 'POST', `/loyalty/accounts/${a.id}/expiring`, { points: 11 }),
		).rejects.toThrow(/400/);
	});
});
