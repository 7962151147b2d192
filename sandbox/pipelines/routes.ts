// CRM Pipelines & Cards under /crm/pipelines/v1. Query and Search are GETs with the request in `.r`
// (or dotted keys) and fall back to POST with a JSON body when the URL would be too long
// (wix-api.md 1.2), so each has both.
import { adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import { queryCards, searchCards, searchCardsByStage } from './cardQuery';
import { createCard, deleteCard, getCard, moveCard, updateCard } from './cards';
import {
	createPipeline,
	deletePipeline,
	getPipeline,
	queryPipelines,
	updatePipeline,
} from './pipelines';
import type { PipelinesContext } from './store';

type Site = PipelinesContext['site'];
const route = routesFor<Site>();
const V1 = '/crm/pipelines/v1';

export const pipelinesRoutes = [
	route('GET', `${V1}/pipelines/query`, READ, ({ ctx, qs }) => queryPipelines(ctx, qs)),
	route('POST', `${V1}/pipelines/query`, READ, ({ ctx, body }) => queryPipelines(ctx, body)),
	route('POST', `${V1}/pipelines`, MANAGE, ({ ctx, body }) => createPipeline(ctx, body)),
	route('GET', `${V1}/pipelines/{pipelineId}`, READ, ({ ctx, params: [id] }) =>
		getPipeline(ctx, id),
	),
	route('PATCH', `${V1}/pipelines/{pipelineId}`, MANAGE, ({ ctx, params: [id], body }) =>
		updatePipeline(ctx, id, body),
	),
	route('DELETE', `${V1}/pipelines/{pipelineId}`, MANAGE, ({ ctx, params: [id] }) =>
		deletePipeline(ctx, id),
	),
	route('GET', `${V1}/cards/query`, READ, ({ ctx, qs }) => queryCards(ctx, qs)),
	route('POST', `${V1}/cards/query`, READ, ({ ctx, body }) => queryCards(ctx, body)),
	route('GET', `${V1}/cards/search`, READ, ({ ctx, qs }) => searchCards(ctx, qs)),
	route('POST', `${V1}/cards/search`, READ, ({ ctx, body }) => searchCards(ctx, body)),
	route('GET', `${V1}/cards/search-by-stage`, READ, ({ ctx, qs }) => searchCardsByStage(ctx, qs)),
	route('POST', `${V1}/cards/search-by-stage`, READ, ({ ctx, body }) =>
		searchCardsByStage(ctx, body),
	),
	route('POST', `${V1}/cards`, MANAGE, ({ ctx, body }) => createCard(ctx, body)),
	route('GET', `${V1}/cards/{cardId}`, READ, ({ ctx, params: [id] }) => getCard(ctx, id)),
	route('PATCH', `${V1}/cards/move/{cardId}`, MANAGE, ({ ctx, params: [id], body }) =>
		moveCard(ctx, id, body),
	),
	route('PATCH', `${V1}/cards/{cardId}`, MANAGE, ({ ctx, params: [id], body }) =>
		updateCard(ctx, id, body),
	),
	route('DELETE', `${V1}/cards/{cardId}`, MANAGE, ({ ctx, params: [id] }) => deleteCard(ctx, id)),
];

export const pipelinesAdmin = [
	// Every pipeline with its cards counted per stage, and every card.
	adminRoutesFor<Site>()('GET', '/pipelines', ({ ctx }) => {
		const store = ctx.site.pipelines;
		return {
			pipelines: [...store.byId.values()].map((p) => {
				const cards = store.cardsIn(p.id!);
				const stageIds = [...(p.stages ?? []).map((s) => s.id!), p.doneStage!.id!];
				return {
					...structuredClone(p),
					cardCounts: Object.fromEntries(
						stageIds.map((id) => [id, cards.filter((c) => c.stageId === id).length]),
					),
				};
			}),
			cards: [...store.cards.values()],
		};
	}),
	// Gives cards one time, as a bulk import or a burst of moves does: any of `updatedDate`,
	// `stageUpdatedDate`, `createdDate` given.
	adminRoutesFor<Site>()('POST', '/pipelines/cards/timestamps', ({ ctx, body }) => {
		const ids: string[] = body.ids ?? [];
		for (const id of ids) {
			const card = ctx.site.pipelines.cards.get(id);
			if (!card) continue;
			for (const key of ['createdDate', 'updatedDate', 'stageUpdatedDate'] as const)
				if (body[key] !== undefined) card[key] = String(body[key]);
		}
		return { updated: ids.length };
	}),
];
