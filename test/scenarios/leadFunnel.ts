/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The lead-funnel template (`templates/lead-funnel-from-crm*.json`) imported unchanged, set up, then
// fed 50 deals by the stand-in CRM: created, moved through the stages, renamed, won, lost and
// deleted. Single-process n8n and queue mode take the same run: it needs only the n8n to import into
// and the base URL its production webhooks answer on.
import { join } from 'node:path';

import { admin, wix } from '../helpers/sandbox';
import { callWebhook, nodeOutput, templateAsImported, waitFor } from '../e2e/fixtures';
import { TEMPLATES, type Stack } from './templates';

export type FunnelApi = 'pipelines' | 'workflows';

export const FUNNEL_PHASES = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

export const LEAD_FUNNEL_TEMPLATES: Record<FunnelApi, { file: string; path: string }> = {
	pipelines: { file: 'lead-funnel-from-crm.json', path: 'wix-lead-funnel-crm-deals' },
	workflows: { file: 'lead-funnel-from-crm-legacy.json', path: 'wix-lead-funnel-legacy-crm-deals' },
};

interface Deal {
	id: string;
	title: string;
	stage: string;
	status: 'open' | 'won' | 'lost';
	contactEmail: string;
	contactName?: string;
	value?: number;
}

/** What each of the 50 deals goes through, decided by its number so a failure names a fixed deal. */
export function dealPlan(k: number) {
	return {
		title: `Deal ${k}`,
		contactEmail: `lead${k}@funnel.test`,
		contactName: `Lead${k} Funnel`,
		value: 1000 + 10 * k,
		startStage: FUNNEL_PHASES[k % 3],
		moves: k % 4,
		rename: k % 10 === 0,
		end: k % 10 === 3 ? 'deleted' : k % 5 === 1 ? 'won' : k % 5 === 2 ? 'lost' : 'open',
	} as const;
}

export interface FunnelRun {
	changes: number;
	deals: Map<number, Deal | 'deleted'>;
	/** Wix contact IDs of the five leads that were Wix contacts before their deal came. */
	existingContacts: Map<string, string>;
	phaseIds: Record<string, string>;
	winPhaseId: string;
	workflowId: string;
}

/** Imports, sets up twice (the second changes nothing), publishes, then plays the 50 deals. */
export async function runLeadFunnel(
	{ sandbox, external, n8n, webhookBase }: Stack,
	api: FunnelApi,
	{
		dealCount = 50,
		parallel = 5,
		apiKeyCredential = undefined as { id: string; name: string } | undefined,
	} = {},
): Promise<FunnelRun> {
	const { file, path } = LEAD_FUNNEL_TEMPLATES[api];
	const { body } = templateAsImported(join(TEMPLATES, file), external.url, apiKeyCredential);
	const created = await n8n.api('POST', '/workflows', {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: body.settings,
	});

	// Five leads are Wix contacts already: their cards must reuse them.
	const existingContacts = new Map<string, string>();
	for (let k = 0; k < 5; k++) {
		const email = dealPlan(k).contactEmail;
		const contact = (
			await wix(sandbox, 'POST', '/contacts/v4/contacts', {
				info: { name: { first: `Known${k}` }, emails: { items: [{ email }] } },
			})
		).body.contact;
		existingContacts.set(email, contact.id);
	}

	const setup = nodeOutput(await n8n.execute(created.id), 'Set Up Funnel')[0];
	expect(setup).toMatchObject({
		api,
		name: 'Lead Funnel',
		created: true,
		addedPhases: FUNNEL_PHASES,
	});
	const again = nodeOutput(await n8n.execute(created.id), 'Set Up Funnel')[0];
	expect(again).toMatchObject({ funnelId: setup.funnelId, created: false, addedPhases: [] });
	expect(again.phaseIds).toEqual(setup.phaseIds);

	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const url = `${webhookBase}/webhook/${path}`;
	// Until the webhook is live n8n answers 404 and starts nothing; the one accepted probe names a
	// deal the CRM does not have, so it finds no card and changes nothing.
	const probe = await callWebhook(url, { type: 'deal.deleted', deal: { id: 'no-such-deal' } });
	expect(probe.status).toBe(200);
	await fetch(`${external.url}/crm/webhook`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ url, topic: 'deals' }),
	});

	const crm = async (method: string, route: string, payload?: unknown) => {
		const response = await fetch(`${external.url}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: payload === undefined ? undefined : JSON.stringify(payload),
		});
		const answer = (await response.json()) as any;
		if (response.status !== 200)
			throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
		return answer;
	};

	let changes = 0;
	const deals = new Map<number, Deal | 'deleted'>();
	// Each deal's changes one after another (the CRM waits for the webhook's answer), several deals
	// at a time, as people work in a CRM.
	const play = async (k: number) => {
		const plan = dealPlan(k);
		let deal: Deal = await crm('POST', '/crm/deals', {
			title: plan.title,
			contactEmail: plan.contactEmail,
			contactName: plan.contactName,
			value: plan.value,
			stage: plan.startStage,
		});
		changes++;
		for (let m = 0; m < plan.moves; m++) {
			const next = FUNNEL_PHASES[Math.min(FUNNEL_PHASES.indexOf(deal.stage) + 1, 4)];
			deal = await crm('POST', `/crm/deals/${deal.id}/stage`, { stage: next });
			changes++;
		}
		if (plan.rename) {
			deal = await crm('PATCH', `/crm/deals/${deal.id}`, {
				title: `${plan.title} (renamed)`,
				value: plan.value + 5,
			});
			changes++;
		}
		if (plan.end === 'won' || plan.end === 'lost') {
			deal = await crm('POST', `/crm/deals/${deal.id}/${plan.end === 'won' ? 'win' : 'lose'}`);
			changes++;
		}
		if (plan.end === 'deleted') {
			await crm('DELETE', `/crm/deals/${deal.id}`);
			changes++;
			deals.set(k, 'deleted');
		} else deals.set(k, deal);
	};
	const queue = Array.from({ length: dealCount }, (_, k) => k);
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			for (let k = queue.shift(); k !== undefined; k = queue.shift()) await play(k);
		}),
	);

	// Every change was delivered (the CRM waited for each answer) and answered 200.
	const { dealDeliveries } = (await (await fetch(`${external.url}/state`)).json()) as {
		dealDeliveries: Array<{ type: string; dealId: string; status: number | 'error' }>;
	};
	expect(dealDeliveries).toHaveLength(changes);
	expect(dealDeliveries.filter((d) => d.status !== 200)).toEqual([]);

	// Exactly one execution per change (and the probe), all successful, none still running.
	const runs = await waitFor(
		`${changes + 1} finished executions`,
		async () => (await n8n.executions(created.id)).filter((e: any) => e.mode !== 'cli'),
		(list) =>
			list.length >= changes + 1 &&
			list.every((e: any) => e.finished || ['success', 'error'].includes(e.status)),
	);
	await new Promise((r) => setTimeout(r, 700));
	const settled = (await n8n.executions(created.id)).filter((e: any) => e.mode !== 'cli');
	expect(settled.filter((e: any) => e.status !== 'success')).toEqual([]);
	expect(settled).toHaveLength(runs.length);
	expect(settled).toHaveLength(changes + 1);

	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
	return {
		changes,
		deals,
		existingContacts,
		phaseIds: setup.phaseIds,
		winPhaseId: setup.winPhaseId,
		workflowId: created.id,
	};
}

/** The sandbox after the run: one card per deal that is left, where the deal is, and nothing else. */
export async function expectFunnelMatchesDeals(stack: Stack, api: FunnelApi, run: FunnelRun) {
	const { sandbox } = stack;
	const byDeal = new Map<string, any[]>();
	let cards: any[];
	if (api === 'pipelines') {
		const state = await admin(sandbox, 'GET', '/pipelines');
		expect(state.pipelines.map((p: any) => p.name)).toEqual(['Lead Funnel']);
		cards = state.cards;
		for (const card of cards) {
			const dealId = /^CRM deal (.+)$/.exec(card.description ?? '')?.[1] ?? '';
			byDeal.set(dealId, [...(byDeal.get(dealId) ?? []), card]);
		}
	} else {
		const state = await admin(sandbox, 'GET', '/workflows');
		expect(state.workflows.map((w: any) => w.name)).toEqual(['Lead Funnel']);
		cards = state.cards;
		for (const card of cards) byDeal.set(card.source, [...(byDeal.get(card.source) ?? []), card]);
	}
	const left = [...run.deals.values()].filter((d): d is Deal => d !== 'deleted');
	// No duplicates, no card without a deal, none for a deleted deal.
	expect(cards).toHaveLength(left.length);
	expect([...byDeal.keys()].sort()).toEqual(left.map((d) => d.id).sort());

	const contacts = (await admin(sandbox, 'GET', '/state')).contacts as any[];
	const contactOf = new Map(contacts.map((c) => [c.primaryInfo?.email, c.id]));
	expect(contactOf.size).toBe(contacts.length);
	for (const [email, id] of run.existingContacts) expect(contactOf.get(email)).toBe(id);

	const seen = { open: 0, won: 0, lost: 0 };
	for (const deal of left) {
		const [card] = byDeal.get(deal.id)!;
		seen[deal.status]++;
		const where = { deal: deal.title, status: deal.status, stage: deal.stage };
		if (api === 'pipelines') {
			expect({
				...where,
				card: [card.name, card.stageId, card.outcome, card.value?.value],
			}).toEqual({
				...where,
				card: [
					deal.title,
					deal.status === 'open' ? run.phaseIds[deal.stage] : run.winPhaseId,
					deal.status === 'won' ? 'WON' : deal.status === 'lost' ? 'LOST' : 'NONE',
					deal.value!.toFixed(2),
				],
			});
			expect(card.mainContact.contactId).toBe(contactOf.get(deal.contactEmail));
		} else {
			expect({
				...where,
				card: [card.name, card.archived, card.archived ? '' : card.phaseId],
			}).toEqual({
				...where,
				card: [
					deal.title,
					deal.status === 'lost',
					deal.status === 'lost'
						? ''
						: deal.status === 'won'
							? run.winPhaseId
							: run.phaseIds[deal.stage],
				],
			});
			expect(card.primaryAttachment.contactId).toBe(contactOf.get(deal.contactEmail));
		}
	}
	// The plan reaches every outcome, and renames and moves to the last stage.
	expect(seen.open).toBeGreaterThan(10);
	expect(seen.won).toBe(10);
	expect(seen.lost).toBe(10);
	expect(left.some((d) => d.title.endsWith('(renamed)'))).toBe(true);
	expect(left.some((d) => d.status === 'open' && d.stage === 'Negotiating')).toBe(true);
}
