// What a legacy card change sends: the app webhooks of wix-api.md C.4 (entity `{info}`), and the
// Wix Automations trigger "Workflow Card Added or Moved" for new, moved and restored cards.
import { emitEntity } from '../core/context';
import type { StoredCard, WorkflowsContext } from './store';

const FQDN = 'wix.workflows.v1.card';
export const CARD_ADDED_OR_MOVED = 'wix_workflows-card_added_or_moved';

export function emitCardCreated(ctx: WorkflowsContext, card: StoredCard) {
	emitEntity(ctx, FQDN, 'created', card.info.id, { info: structuredClone(card.info) });
}

export function emitCardUpdated(ctx: WorkflowsContext, card: StoredCard) {
	emitEntity(ctx, FQDN, 'updated', card.info.id, { info: structuredClone(card.info) });
}

export function emitCardDeleted(ctx: WorkflowsContext, card: StoredCard) {
	emitEntity(ctx, FQDN, 'deleted', card.info.id);
}

/**
 * The trigger's payload is not documented [INFER]: the card, its workflow and phase by ID and name,
 * the contact, and the phase it came from when it moved.
 */
export function fireCardAddedOrMoved(
	ctx: WorkflowsContext,
	card: StoredCard,
	previousPhaseId?: string,
) {
	const store = ctx.site.workflows;
	const workflow = store.byId.get(card.workflowId)!;
	const phase = store.phases.get(card.info.phaseId)!;
	const previous = previousPhaseId ? store.phases.get(previousPhaseId) : undefined;
	ctx.fire?.(CARD_ADDED_OR_MOVED, {
		cardId: card.info.id,
		cardName: card.info.name,
		contactId: card.info.primaryAttachment.contactId,
		workflowId: workflow.info.id,
		workflowName: workflow.info.name,
		phaseId: phase.id,
		phaseName: phase.name,
		isWinPhase: phase.win,
		...(card.info.source ? { source: card.info.source } : {}),
		...(previous ? { previousPhaseId: previous.id, previousPhaseName: previous.name } : {}),
	});
}
