/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Phases (wix-api.md C.1, C.3): 0-based display positions that shift on insert and move; the win
// phase is made with its workflow, is never listed among the active phases, and cannot be moved
// or deleted [INFER: 400 WIN_PHASE_IS_FIXED].
import { appError, validationError } from '../core/errors';
import { emitCardDeleted } from './events';
import { insertAt, listPage, readPosition, removeFrom, requireName } from './listing';
import type { StoredPhase, WorkflowsContext } from './store';
import type { Pagination, Phase } from './types';

function notTheWinPhase(phase: StoredPhase) {
	if (phase.win)
		throw appError(400, 'WIN_PHASE_IS_FIXED', `Phase ${phase.id} is the win phase of its workflow`);
}

export function createPhase(
	ctx: WorkflowsContext,
	workflowId: string,
	body: Record<string, any>,
): { id: string } {
	const store = ctx.site.workflows;
	const workflow = store.workflow(workflowId);
	const name = requireName(body.phase?.name, 'phase.name');
	const position = readPosition(body.position, 'position', workflow.phaseIds.length);
	const id = ctx.site.newId();
	store.phases.set(id, { id, name, workflowId, win: false, cardIds: [] });
	insertAt(workflow.phaseIds, id, position);
	return { id };
}

export function listPhases(
	ctx: WorkflowsContext,
	workflowId: string,
	qs: Record<string, unknown>,
): { phases: Phase[]; pagination: Pagination } {
	const store = ctx.site.workflows;
	const workflow = store.workflow(workflowId);
	const { page, pagination } = listPage(
		workflow.phaseIds.map((id) => store.phase(id)),
		qs,
		{ id: (p) => p.id, name: (p) => p.name },
	);
	return { phases: page.map((p) => store.phaseView(p)), pagination };
}

export function getPhase(ctx: WorkflowsContext, id: string): { phase: Phase } {
	const store = ctx.site.workflows;
	return { phase: store.phaseView(store.phase(id)) };
}

export function updatePhase(ctx: WorkflowsContext, id: string, body: Record<string, any>) {
	const phase = ctx.site.workflows.phase(id);
	phase.name = requireName(body.phase?.name, 'phase.name');
	return {};
}

export function movePhase(
	ctx: WorkflowsContext,
	workflowId: string,
	id: string,
	body: Record<string, any>,
) {
	const store = ctx.site.workflows;
	const workflow = store.workflow(workflowId);
	const phase = store.phase(id);
	if (phase.workflowId !== workflowId)
		throw appError(404, 'PHASE_NOT_FOUND', `Phase ${id} is not in workflow ${workflowId}`);
	notTheWinPhase(phase);
	if (body.newPosition === undefined)
		throw validationError([{ field: 'newPosition', description: 'is required' }]);
	const position = readPosition(body.newPosition, 'newPosition', workflow.phaseIds.length - 1);
	removeFrom(workflow.phaseIds, id);
	insertAt(workflow.phaseIds, id, position);
	return {};
}

export function deletePhase(ctx: WorkflowsContext, id: string) {
	const store = ctx.site.workflows;
	const phase = store.phase(id);
	notTheWinPhase(phase);
	// Its cards go with it, archived ones included.
	for (const card of store.cardsOf(phase.workflowId)) {
		if (card.info.phaseId !== id) continue;
		store.cards.delete(card.info.id);
		emitCardDeleted(ctx, card);
	}
	removeFrom(store.workflow(phase.workflowId).phaseIds, id);
	store.phases.delete(id);
	return {};
}
