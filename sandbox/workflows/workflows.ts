/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Workflows (wix-api.md C.1, C.3): each is created with its win phase named "Win" and nothing else;
// creates answer `{id}` only, updates and deletes `{}`; at most 30 per site (403).
import { appError } from '../core/errors';
import { emitCardDeleted } from './events';
import { listPage, requireName } from './listing';
import type { WorkflowsContext } from './store';
import type { Pagination, Workflow, WorkflowInfo } from './types';

export function createWorkflow(ctx: WorkflowsContext, body: Record<string, any>): { id: string } {
	const store = ctx.site.workflows;
	const input = body.workflow ?? {};
	const name = requireName(input.name, 'workflow.name');
	if (store.byId.size >= store.limits.workflowsPerSite) {
		throw appError(
			403,
			'WORKFLOWS_LIMIT_REACHED',
			`A site can have at most ${store.limits.workflowsPerSite} workflows`,
		);
	}
	const now = ctx.site.now();
	const id = ctx.site.newId();
	const winPhaseId = ctx.site.newId();
	store.phases.set(winPhaseId, {
		id: winPhaseId,
		name: 'Win',
		workflowId: id,
		win: true,
		cardIds: [],
	});
	store.byId.set(id, {
		info: {
			id,
			name,
			description: typeof input.description === 'string' ? input.description : '',
			createdAt: now,
			isDeletable: true,
			createdDate: now,
		},
		phaseIds: [],
		winPhaseId,
	});
	return { id };
}

export function getWorkflow(
	ctx: WorkflowsContext,
	id: string,
	qs: Record<string, unknown>,
): { workflow: Workflow } {
	const store = ctx.site.workflows;
	const workflow = store.workflow(id);
	const perPhase = qs.cardsPerPhase === undefined ? 10 : Number(qs.cardsPerPhase);
	const phases = workflow.phaseIds.map((p) => store.phaseView(store.phase(p), perPhase));
	return {
		workflow: {
			info: structuredClone(workflow.info),
			winPhase: store.phaseView(store.phase(workflow.winPhaseId), perPhase),
			phasesList: { total: phases.length, phases },
		},
	};
}

export function listWorkflows(
	ctx: WorkflowsContext,
	qs: Record<string, unknown>,
): { workflows: WorkflowInfo[]; pagination: Pagination } {
	const infos = [...ctx.site.workflows.byId.values()].map((w) => structuredClone(w.info));
	// Default order is by name; an explicit sort replaces it.
	const byName = [...infos].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const { page, pagination } = listPage(byName, qs, {
		id: (w) => w.id,
		name: (w) => w.name,
		description: (w) => w.description,
		createdDate: (w) => w.createdDate,
	});
	return { workflows: page, pagination };
}

export function updateWorkflow(ctx: WorkflowsContext, id: string, body: Record<string, any>) {
	const workflow = ctx.site.workflows.workflow(id);
	const input = body.workflow ?? {};
	if (input.name !== undefined) workflow.info.name = requireName(input.name, 'workflow.name');
	if (typeof input.description === 'string') workflow.info.description = input.description;
	return {};
}

export function deleteWorkflow(ctx: WorkflowsContext, id: string) {
	const store = ctx.site.workflows;
	const workflow = store.workflow(id);
	for (const card of store.cardsOf(id)) {
		store.cards.delete(card.info.id);
		emitCardDeleted(ctx, card);
	}
	for (const phase of store.phasesOf(workflow)) store.phases.delete(phase.id);
	store.byId.delete(id);
	return {};
}
