// The webhooks of Pipelines & Cards (wix-api.md C.6): created/updated/deleted for pipelines and
// cards, and `card_moved` whose action body names the stage the card left and the one it entered.
import { emitEntity } from '../core/context';
import type { PipelinesContext } from './store';
import type { Card, Pipeline } from './types';

const PIPELINE = 'wix.crm.pipelines.v1.pipeline';
const CARD = 'wix.crm.pipelines.v1.card';

function emit(
	ctx: PipelinesContext,
	fqdn: string,
	slug: 'created' | 'updated' | 'deleted',
	entity: Card | Pipeline,
) {
	const copy = structuredClone(entity);
	if (slug !== 'deleted') return emitEntity(ctx, fqdn, slug, entity.id!, copy);
	// Deletes carry the entity, as the SDK's `deletedEvent.deletedEntity` allows.
	ctx.emit({
		entityFqdn: fqdn,
		slug,
		entityId: entity.id!,
		body: { deletedEvent: { deletedEntity: copy } },
	});
}

export const emitPipeline = (
	ctx: PipelinesContext,
	slug: 'created' | 'updated' | 'deleted',
	pipeline: Pipeline,
) => emit(ctx, PIPELINE, slug, pipeline);

export const emitCard = (
	ctx: PipelinesContext,
	slug: 'created' | 'updated' | 'deleted',
	card: Card,
) => emit(ctx, CARD, slug, card);

export function emitCardMoved(ctx: PipelinesContext, card: Card, sourceStageId: string) {
	ctx.emit({
		entityFqdn: CARD,
		slug: 'moved',
		entityId: card.id!,
		body: {
			actionEvent: {
				body: { card: structuredClone(card), sourceStageId, targetStageId: card.stageId },
			},
		},
	});
}
