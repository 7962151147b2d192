/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Legacy cards (wix-api.md C.1-C.3): created at the bottom of a phase unless a 0-based position is
// given; one active card per contact per workflow (the win phase, archiving and deleting free the
// contact); at most 5000 cards per workflow; archived cards are hidden unless asked for and Get
// answers `{}` for them.
import { appError, notFound, validationError } from '../core/errors';
import { emitCardCreated, emitCardDeleted, emitCardUpdated, fireCardAddedOrMoved } from './events';
import { insertAt, listPage, readPosition, removeFrom, requireName } from './listing';
import type { StoredCard, StoredPhase, WorkflowsContext } from './store';
import type { Card, Pagination } from './types';

function contactOf(ctx: WorkflowsContext, attachment: unknown, field: string): string {
	const contactId = (attachment as { contactId?: unknown } | undefined)?.contactId;
	if (typeof contactId !== 'string' || !contactId)
		throw validationError([{ field, description: 'is required' }]);
	if (!ctx.site.contacts.has(contactId))
		throw notFound('CONTACT_NOT_FOUND', `Contact ${contactId}`);
	return contactId;
}

/** [INFER] 400 CONTACT_HAS_ACTIVE_CARD, naming the card that holds the contact. */
function requireContactFree(
	ctx: WorkflowsContext,
	workflowId: string,
	contactId: string,
	phase: StoredPhase,
	exceptCardId?: string,
) {
	if (phase.win) return;
	const store = ctx.site.workflows;
	const holder = store
		.cardsOf(workflowId)
		.find(
			(c) =>
				c.info.id !== exceptCardId &&
				!c.archived &&
				!store.phases.get(c.info.phaseId)!.win &&
				c.info.primaryAttachment.contactId === contactId,
		);
	if (holder) {
		throw appError(
			400,
			'CONTACT_HAS_ACTIVE_CARD',
			`Contact ${contactId} already has an active card in workflow ${workflowId}`,
			{ cardId: holder.info.id },
		);
	}
}

function phaseIn(ctx: WorkflowsContext, workflowId: string, phaseId: unknown, field: string) {
	if (typeof phaseId !== 'string' || !phaseId)
		throw validationError([{ field, description: 'is required' }]);
	const phase = ctx.site.workflows.phase(phaseId);
	if (phase.workflowId !== workflowId)
		throw appError(
			400,
			'PHASE_NOT_IN_WORKFLOW',
			`Phase ${phaseId} is not in workflow ${workflowId}`,
		);
	return phase;
}

function optionalText(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string')
		throw validationError([{ field, description: 'must be a string' }]);
	return value;
}

export function createCard(
	ctx: WorkflowsContext,
	workflowId: string,
	phaseId: string,
	body: Record<string, any>,
): { id: string } {
	const store = ctx.site.workflows;
	store.workflow(workflowId);
	const phase = phaseIn(ctx, workflowId, phaseId, 'phaseId');
	const input = body.card ?? {};
	const name = requireName(input.name, 'card.name');
	const contactId = contactOf(ctx, input.primaryAttachment, 'card.primaryAttachment.contactId');
	const position = readPosition(body.position, 'position', phase.cardIds.length);
	if (store.cardsOf(workflowId).length >= store.limits.cardsPerWorkflow) {
		throw appError(
			400,
			'CARDS_LIMIT_REACHED',
			`A workflow can have at most ${store.limits.cardsPerWorkflow} cards`,
		);
	}
	requireContactFree(ctx, workflowId, contactId, phase);
	const now = ctx.site.now();
	const id = ctx.site.newId();
	const card: StoredCard = {
		workflowId,
		archived: false,
		info: {
			id,
			name,
			description: optionalText(input.description, 'card.description'),
			primaryAttachment: {
				attachmentId: ctx.site.newId(),
				value: contactId,
				attachmentType: 'ContactType',
				contactId,
			},
			dueDate: optionalText(input.dueDate, 'card.dueDate'),
			source: optionalText(input.source, 'card.source'),
			phaseId,
			createdAt: now,
			updatedAt: now,
			createdDate: now,
			updatedDate: now,
		},
	};
	store.cards.set(id, card);
	insertAt(phase.cardIds, id, position);
	emitCardCreated(ctx, card);
	fireCardAddedOrMoved(ctx, card);
	return { id };
}

export function getCard(ctx: WorkflowsContext, id: string): { card?: Card } {
	const store = ctx.site.workflows;
	const card = store.card(id);
	return card.archived ? {} : { card: store.cardView(card) };
}

export function listCards(
	ctx: WorkflowsContext,
	workflowId: string,
	qs: Record<string, unknown>,
): { cards: Card[]; pagination: Pagination } {
	const store = ctx.site.workflows;
	const workflow = store.workflow(workflowId);
	const archived = String(qs.fetchArchived) === 'true';
	const inDisplayOrder = archived
		? store.cardsOf(workflowId).filter((c) => c.archived)
		: store.phasesOf(workflow).flatMap((p) => p.cardIds.map((id) => store.cards.get(id)!));
	if (qs.phaseId !== undefined) store.phase(String(qs.phaseId));
	const wanted = inDisplayOrder.filter(
		(c) =>
			(qs.phaseId === undefined || c.info.phaseId === qs.phaseId) &&
			(qs.attachmentValue === undefined ||
				c.info.primaryAttachment.contactId === qs.attachmentValue),
	);
	const { page, pagination } = listPage(
		wanted,
		qs,
		{
			id: (c) => c.info.id,
			name: (c) => c.info.name,
			createdDate: (c) => c.info.createdDate,
			updatedDate: (c) => c.info.updatedDate,
			phaseId: (c) => c.info.phaseId,
		},
		50,
	);
	return { cards: page.map((c) => store.cardView(c)), pagination };
}

function touch(ctx: WorkflowsContext, card: StoredCard) {
	const now = ctx.site.now();
	card.info.updatedAt = now;
	card.info.updatedDate = now;
}

export function updateCard(ctx: WorkflowsContext, id: string, body: Record<string, any>) {
	const store = ctx.site.workflows;
	const card = store.card(id);
	const input = body.cardInfo ?? {};
	if (input.name !== undefined) card.info.name = requireName(input.name, 'cardInfo.name');
	if (input.primaryAttachment !== undefined) {
		const contactId = contactOf(
			ctx,
			input.primaryAttachment,
			'cardInfo.primaryAttachment.contactId',
		);
		if (!card.archived)
			requireContactFree(ctx, card.workflowId, contactId, store.phase(card.info.phaseId), id);
		card.info.primaryAttachment = {
			...card.info.primaryAttachment,
			value: contactId,
			contactId,
		};
	}
	for (const key of ['description', 'dueDate', 'source'] as const) {
		if (input[key] !== undefined) card.info[key] = optionalText(input[key], `cardInfo.${key}`);
	}
	touch(ctx, card);
	emitCardUpdated(ctx, card);
	return {};
}

function notArchived(card: StoredCard) {
	if (card.archived)
		throw appError(400, 'CARD_ARCHIVED', `Card ${card.info.id} is archived; restore it first`);
}

/** Takes the card out of its phase and puts it in `phase` at `position` (bottom when absent). */
function place(
	ctx: WorkflowsContext,
	card: StoredCard,
	phase: StoredPhase,
	rawPosition: unknown,
	field: string,
) {
	const store = ctx.site.workflows;
	removeFrom(store.phase(card.info.phaseId).cardIds, card.info.id);
	const position = readPosition(rawPosition, field, phase.cardIds.length);
	insertAt(phase.cardIds, card.info.id, position);
	card.info.phaseId = phase.id;
}

export function moveCard(ctx: WorkflowsContext, id: string, body: Record<string, any>) {
	const store = ctx.site.workflows;
	const card = store.card(id);
	notArchived(card);
	const from = card.info.phaseId;
	const phase = phaseIn(ctx, card.workflowId, body.newPhaseId ?? from, 'newPhaseId');
	requireContactFree(ctx, card.workflowId, card.info.primaryAttachment.contactId, phase, id);
	// Check the position before anything moves, against the phase as it will be without the card.
	const room = phase.cardIds.length - (phase.id === from ? 1 : 0);
	readPosition(body.newPosition, 'newPosition', room);
	place(ctx, card, phase, body.newPosition, 'newPosition');
	touch(ctx, card);
	emitCardUpdated(ctx, card);
	if (phase.id !== from) fireCardAddedOrMoved(ctx, card, from);
	return {};
}

export function archiveCard(ctx: WorkflowsContext, id: string) {
	const store = ctx.site.workflows;
	const card = store.card(id);
	if (card.archived) return {};
	removeFrom(store.phase(card.info.phaseId).cardIds, id);
	card.archived = true;
	touch(ctx, card);
	emitCardUpdated(ctx, card);
	return {};
}

export function restoreCard(ctx: WorkflowsContext, id: string, body: Record<string, any>) {
	const store = ctx.site.workflows;
	const card = store.card(id);
	if (!card.archived) throw appError(400, 'CARD_NOT_ARCHIVED', `Card ${id} is not archived`);
	const phase = phaseIn(ctx, card.workflowId, body.newPhaseId, 'newPhaseId');
	requireContactFree(ctx, card.workflowId, card.info.primaryAttachment.contactId, phase, id);
	const position = readPosition(body.newPosition, 'newPosition', phase.cardIds.length);
	insertAt(phase.cardIds, id, position);
	const from = card.info.phaseId;
	card.info.phaseId = phase.id;
	card.archived = false;
	touch(ctx, card);
	emitCardUpdated(ctx, card);
	fireCardAddedOrMoved(ctx, card, from);
	return {};
}

export function deleteCard(ctx: WorkflowsContext, id: string) {
	const store = ctx.site.workflows;
	const card = store.card(id);
	if (!card.archived) removeFrom(store.phase(card.info.phaseId).cardIds, id);
	store.cards.delete(id);
	emitCardDeleted(ctx, card);
	return {};
}
