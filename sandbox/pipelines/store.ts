// The pipelines of the site and their cards.
import type { ContactsState } from '../contacts/store';
import type { SiteContext } from '../core/context';
import { appError, notFound, validationError } from '../core/errors';
import type { Card, Pipeline } from './types';

/** [INFER] Wix names no number; MAX_PIPELINES_REACHED carries the limit in its data. */
export const PIPELINE_LIMITS = { pipelinesPerSite: 10 };

export class PipelinesStore {
	readonly byId = new Map<string, Pipeline>();
	readonly cards = new Map<string, Card>();
	limits = { ...PIPELINE_LIMITS };

	pipeline(id: string): Pipeline {
		const pipeline = this.byId.get(id);
		if (!pipeline) throw notFound('PIPELINE_NOT_FOUND', `Pipeline ${id}`);
		return pipeline;
	}

	card(id: string): Card {
		const card = this.cards.get(id);
		if (!card) throw notFound('CARD_NOT_FOUND', `Card ${id}`);
		return card;
	}

	cardsIn(pipelineId: string): Card[] {
		return [...this.cards.values()].filter((c) => c.pipelineId === pipelineId);
	}
}

export interface PipelinesState {
	pipelines: PipelinesStore;
}

export function pipelinesState(): PipelinesState {
	return { pipelines: new PipelinesStore() };
}

/** Cards name contacts, so this API reads the contacts of the site too. */
export type PipelinesContext = SiteContext<PipelinesState & ContactsState>;

/** Revisions are strings here (wix-api.md 1.1); a missing one is refused, a stale one is a conflict. */
export function checkRevision(given: unknown, current: string, what: string, field: string) {
	if (given === undefined || given === null || given === '')
		throw appError(400, 'REVISION_MISSING', `${field} is required`);
	if (typeof given !== 'string' && typeof given !== 'number')
		throw validationError([{ field, description: 'must be a string' }]);
	if (String(given) !== current) {
		throw appError(
			409,
			'REVISION_MISMATCH',
			`${what} changed since revision ${String(given)} (now ${current})`,
			{ currentRevision: current },
		);
	}
}

export const nextRevision = (revision: string | null | undefined) =>
	String(Number(revision ?? '0') + 1);
