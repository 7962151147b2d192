// Every legacy endpoint answers under both `/workflows/v1/` and its additional binding
// `/workflows/api/v1/` (wix-api.md C, "additional binding").
import { AdminError, adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor, type Route } from '../core/router';
import {
	archiveCard,
	createCard,
	deleteCard,
	getCard,
	listCards,
	moveCard,
	restoreCard,
	updateCard,
} from './cards';
import { createPhase, deletePhase, getPhase, listPhases, movePhase, updatePhase } from './phases';
import type { WorkflowsContext } from './store';
import {
	createWorkflow,
	deleteWorkflow,
	getWorkflow,
	listWorkflows,
	updateWorkflow,
} from './workflows';

type Site = WorkflowsContext['site'];

function table(prefix: string): Route<Site>[] {
	const route = routesFor<Site>();
	const p = (path: string) => `${prefix}${path}`;
	return [
		route('POST', p('/workflows'), MANAGE, ({ ctx, body }) => createWorkflow(ctx, body)),
		route('GET', p('/workflows'), READ, ({ ctx, qs }) => listWorkflows(ctx, qs)),
		route('GET', p('/workflows/{id}'), READ, ({ ctx, params: [id], qs }) =>
			getWorkflow(ctx, id, qs),
		),
		route('PATCH', p('/workflows/{id}'), MANAGE, ({ ctx, params: [id], body }) =>
			updateWorkflow(ctx, id, body),
		),
		route('DELETE', p('/workflows/{id}'), MANAGE, ({ ctx, params: [id] }) =>
			deleteWorkflow(ctx, id),
		),
		route('POST', p('/workflows/{workflowId}/phases'), MANAGE, ({ ctx, params: [w], body }) =>
			createPhase(ctx, w, body),
		),
		route('GET', p('/workflows/{workflowId}/phases'), READ, ({ ctx, params: [w], qs }) =>
			listPhases(ctx, w, qs),
		),
		route(
			'POST',
			p('/workflows/{workflowId}/phases/{id}/move'),
			MANAGE,
			({ ctx, params: [w, id], body }) => movePhase(ctx, w, id, body),
		),
		route(
			'POST',
			p('/workflows/{workflowId}/phases/{phaseId}/cards'),
			MANAGE,
			({ ctx, params: [w, phase], body }) => createCard(ctx, w, phase, body),
		),
		route('GET', p('/workflows/{workflowId}/cards'), READ, ({ ctx, params: [w], qs }) =>
			listCards(ctx, w, qs),
		),
		route('GET', p('/phases/{id}'), READ, ({ ctx, params: [id] }) => getPhase(ctx, id)),
		route('PATCH', p('/phases/{id}'), MANAGE, ({ ctx, params: [id], body }) =>
			updatePhase(ctx, id, body),
		),
		route('DELETE', p('/phases/{id}'), MANAGE, ({ ctx, params: [id] }) => deletePhase(ctx, id)),
		route('GET', p('/cards/{id}'), READ, ({ ctx, params: [id] }) => getCard(ctx, id)),
		route('PATCH', p('/cards/{id}'), MANAGE, ({ ctx, params: [id], body }) =>
			updateCard(ctx, id, body),
		),
		route('POST', p('/cards/{id}/move'), MANAGE, ({ ctx, params: [id], body }) =>
			moveCard(ctx, id, body),
		),
		route('POST', p('/cards/{id}/archive'), MANAGE, ({ ctx, params: [id] }) =>
			archiveCard(ctx, id),
		),
		route('POST', p('/cards/{id}/restore'), MANAGE, ({ ctx, params: [id], body }) =>
			restoreCard(ctx, id, body),
		),
		route('DELETE', p('/cards/{id}'), MANAGE, ({ ctx, params: [id] }) => deleteCard(ctx, id)),
	];
}

export const workflowsRoutes = [...table('/workflows/v1'), ...table('/workflows/api/v1')];

const admin = adminRoutesFor<Site>();

export const workflowsAdmin = [
	// Every workflow with its phases and card counts, and every card (archived ones marked).
	admin('GET', '/workflows', ({ ctx }) => {
		const store = ctx.site.workflows;
		return {
			workflows: [...store.byId.values()].map((w) => ({
				...structuredClone(w.info),
				phases: store.phasesOf(w).map((p) => ({
					id: p.id,
					name: p.name,
					win: p.win,
					cards: p.cardIds.length,
				})),
				archivedCards: store.cardsOf(w.info.id).filter((c) => c.archived).length,
			})),
			cards: [...store.cards.values()].map((c) => ({
				...structuredClone(c.info),
				workflowId: c.workflowId,
				archived: c.archived,
			})),
		};
	}),
	// Lowers Wix's limits so tests reach them without thousands of calls.
	admin('POST', '/workflows/limits', ({ ctx, body }) => {
		const limits = ctx.site.workflows.limits;
		for (const key of ['workflowsPerSite', 'cardsPerWorkflow'] as const) {
			if (body[key] === undefined) continue;
			if (!Number.isInteger(body[key]) || body[key] < 0)
				throw new AdminError(400, `${key} must be a whole number`);
			limits[key] = body[key];
		}
		return limits;
	}),
];
