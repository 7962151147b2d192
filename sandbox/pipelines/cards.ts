/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Pipeline cards (SDK `_crm_cards`): create, get, update (revision required; a stage change is a
// move), move (revision, the done stage's outcome rules), delete. Moves send `card_moved` beside
// `card_updated` [INFER: the card changed too].
import { appError, validationError } from '../core/errors';
import { cardContacts, isoDate, money, outcomeIn, priority, stageOf } from './cardRules';
import { emitCard, emitCardMoved } from './events';
import { text } from './stages';
import { checkRevision, nextRevision, type PipelinesContext } from './store';
import type { Card, MoveCardResponse, Pipeline } from './types';

function staleDate(pipeline: Pipeline, stageId: string, now: string): string | null {
	const hours = pipeline.stages?.find((s) => s.id === stageId)?.staleDurationInHours;
	return hours ? new Date(Date.parse(now) + hours * 3_600_000).toISOString() : null;
}

function movedBy(ctx: PipelinesContext) {
	return ctx.caller.kind === 'app' ? { appId: ctx.caller.appId } : { userId: null };
}

function linkedEntities(value: unknown, now: string) {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.length > 20)
		throw validationError([
			{ field: 'card.linkedEntities', description: 'holds at most 20 entities' },
		]);
	return value.map((e: Record<string, unknown>) => ({
		entityId: String(e.entityId ?? ''),
		referencedEntity: String(e.referencedEntity ?? ''),
		linkedDate: now,
	}));
}

export function createCard(ctx: PipelinesContext, body: Record<string, any>): { card: Card } {
	const store = ctx.site.pipelines;
	const input = body.card;
	if (!input || typeof input !== 'object')
		throw validationError([{ field: 'card', description: 'is required' }]);
	const name = text(input.name, 'card.name', 100);
	if (typeof input.pipelineId !== 'string' || !input.pipelineId)
		throw validationError([{ field: 'card.pipelineId', description: 'is required' }]);
	const pipeline = store.pipeline(input.pipelineId);
	const stage = stageOf(pipeline, input.stageId);
	const outcome = outcomeIn(pipeline, stage, input.outcome);
	const contacts = cardContacts(ctx, input.mainContact, input.additionalContacts);
	const now = ctx.site.now();
	const card: Card = {
		id: ctx.site.newId(),
		revision: '1',
		createdDate: now,
		updatedDate: now,
		pipelineId: pipeline.id,
		stageId: stage.id,
		stageUpdatedDate: now,
		stageUpdateSource: movedBy(ctx),
		name,
		description: text(input.description, 'card.description', 1000, false) ?? null,
		priority: priority(input.priority) ?? 'P3_MEDIUM',
		assigneeId: input.assigneeId ?? null,
		dueDate: isoDate(input.dueDate, 'card.dueDate') ?? null,
		staleDate: staleDate(pipeline, stage.id, now),
		value: money(input.value, pipeline.currency!) ?? { value: '0', currency: pipeline.currency! },
		outcome,
		...contacts,
		linkedEntities: linkedEntities(input.linkedEntities, now),
		...(input.extendedFields ? { extendedFields: structuredClone(input.extendedFields) } : {}),
		tags: { privateTags: { tagIds: input.tags?.privateTags?.tagIds ?? [] } },
	};
	store.cards.set(card.id!, card);
	emitCard(ctx, 'created', card);
	return { card: structuredClone(card) };
}

export function getCard(ctx: PipelinesContext, id: string): { card: Card } {
	return { card: structuredClone(ctx.site.pipelines.card(id)) };
}

/** Saves `next` and sends its events; `from` is the stage it left when it moved. */
function save(ctx: PipelinesContext, next: Card, from: string | null | undefined) {
	ctx.site.pipelines.cards.set(next.id!, next);
	emitCard(ctx, 'updated', next);
	if (from && from !== next.stageId) emitCardMoved(ctx, next, from);
	return structuredClone(next);
}

/** A card in `stageId` with `outcome`, as a move or an update puts it there. */
function placed(
	ctx: PipelinesContext,
	card: Card,
	pipeline: Pipeline,
	stageId: unknown,
	outcome: unknown,
): Card {
	const stage = stageOf(pipeline, stageId);
	const now = ctx.site.now();
	const moved = stage.id !== card.stageId;
	return {
		...card,
		stageId: stage.id,
		outcome: outcomeIn(pipeline, stage, outcome ?? (moved ? undefined : card.outcome)),
		...(moved
			? {
					stageUpdatedDate: now,
					stageUpdateSource: movedBy(ctx),
					staleDate: staleDate(pipeline, stage.id, now),
				}
			: {}),
	};
}

export function updateCard(
	ctx: PipelinesContext,
	id: string,
	body: Record<string, any>,
): { card: Card } {
	const store = ctx.site.pipelines;
	const current = store.card(id);
	const input = body.card ?? {};
	checkRevision(input.revision, current.revision!, `Card ${id}`, 'card.revision');
	if (input.pipelineId !== undefined && input.pipelineId !== current.pipelineId)
		throw validationError([
			{
				field: 'card.pipelineId',
				description: 'cannot change; create a card in the other pipeline',
			},
		]);
	if (input.name !== undefined && (input.name === null || input.name === ''))
		throw appError(400, 'CANNOT_REMOVE_NAME', 'A card keeps a name');
	const pipeline = store.pipeline(current.pipelineId!);
	let next: Card = structuredClone(current);
	if (input.name !== undefined) next.name = text(input.name, 'card.name', 100);
	if (input.description !== undefined)
		next.description = text(input.description, 'card.description', 1000, false) ?? null;
	if (input.priority !== undefined) next.priority = priority(input.priority) ?? 'P3_MEDIUM';
	if (input.assigneeId !== undefined) next.assigneeId = input.assigneeId;
	if (input.dueDate !== undefined) next.dueDate = isoDate(input.dueDate, 'card.dueDate');
	if (input.value !== undefined) next.value = money(input.value, pipeline.currency!) ?? next.value;
	if (input.mainContact !== undefined || input.additionalContacts !== undefined) {
		const contacts = cardContacts(
			ctx,
			input.mainContact === undefined ? current.mainContact : input.mainContact,
			input.additionalContacts === undefined
				? current.additionalContacts
				: input.additionalContacts,
		);
		delete next.mainContact;
		next = { ...next, ...contacts };
	}
	if (input.linkedEntities !== undefined)
		next.linkedEntities = linkedEntities(input.linkedEntities, ctx.site.now());
	if (input.extendedFields !== undefined)
		next.extendedFields = structuredClone(input.extendedFields);
	if (input.tags !== undefined)
		next.tags = { privateTags: { tagIds: input.tags?.privateTags?.tagIds ?? [] } };
	if (input.stageId !== undefined || input.outcome !== undefined)
		next = placed(ctx, next, pipeline, input.stageId ?? current.stageId, input.outcome);
	next.revision = nextRevision(current.revision);
	next.updatedDate = ctx.site.now();
	return { card: save(ctx, next, current.stageId) };
}

export function moveCard(
	ctx: PipelinesContext,
	id: string,
	body: Record<string, any>,
): MoveCardResponse {
	const store = ctx.site.pipelines;
	const current = store.card(id);
	checkRevision(body.revision, current.revision!, `Card ${id}`, 'revision');
	const pipeline = store.pipeline(current.pipelineId!);
	const next = placed(ctx, structuredClone(current), pipeline, body.stageId, body.outcome);
	next.revision = nextRevision(current.revision);
	next.updatedDate = ctx.site.now();
	return { card: save(ctx, next, current.stageId) };
}

export function deleteCard(ctx: PipelinesContext, id: string) {
	const store = ctx.site.pipelines;
	const card = store.card(id);
	store.cards.delete(id);
	emitCard(ctx, 'deleted', card);
	return {};
}
