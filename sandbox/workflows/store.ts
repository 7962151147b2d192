// The legacy workflows of the site: each workflow's active phases in display order plus its win
// phase, and each phase's cards in display order. Archived cards leave their phase's order but
// stay stored (List Cards with fetchArchived, Restore).
import type { ContactsState } from '../contacts/store';
import type { SiteContext } from '../core/context';
import { notFound } from '../core/errors';
import type { Card, CardInfo, Phase, WorkflowInfo } from './types';

export interface StoredWorkflow {
	info: WorkflowInfo;
	/** Active phases, display order; the win phase is never among them. */
	phaseIds: string[];
	winPhaseId: string;
}

export interface StoredPhase {
	id: string;
	name: string;
	workflowId: string;
	win: boolean;
	/** Non-archived cards, top to bottom. */
	cardIds: string[];
}

export interface StoredCard {
	info: CardInfo;
	workflowId: string;
	archived: boolean;
}

/** Wix's documented limits; tests may lower them through the admin API to reach them quickly. */
export const WORKFLOW_LIMITS = { workflowsPerSite: 30, cardsPerWorkflow: 5000 };

export class WorkflowsStore {
	readonly byId = new Map<string, StoredWorkflow>();
	readonly phases = new Map<string, StoredPhase>();
	readonly cards = new Map<string, StoredCard>();
	limits = { ...WORKFLOW_LIMITS };

	workflow(id: string): StoredWorkflow {
		const workflow = this.byId.get(id);
		if (!workflow) throw notFound('WORKFLOW_NOT_FOUND', `Workflow ${id}`);
		return workflow;
	}

	phase(id: string): StoredPhase {
		const phase = this.phases.get(id);
		if (!phase) throw notFound('PHASE_NOT_FOUND', `Phase ${id}`);
		return phase;
	}

	card(id: string): StoredCard {
		const card = this.cards.get(id);
		if (!card) throw notFound('CARD_NOT_FOUND', `Card ${id}`);
		return card;
	}

	/** Active phases then the win phase: the order cards are listed in by default. */
	phasesOf(workflow: StoredWorkflow): StoredPhase[] {
		return [...workflow.phaseIds, workflow.winPhaseId].map((id) => this.phases.get(id)!);
	}

	cardsOf(workflowId: string): StoredCard[] {
		return [...this.cards.values()].filter((c) => c.workflowId === workflowId);
	}

	cardView(card: StoredCard): Card {
		return { info: structuredClone(card.info) };
	}

	phaseView(phase: StoredPhase, cardsPerPhase = Infinity): Phase {
		return {
			info: { id: phase.id, name: phase.name },
			cardsList: {
				total: phase.cardIds.length,
				cards: phase.cardIds
					.slice(0, cardsPerPhase)
					.map((id) => this.cardView(this.cards.get(id)!)),
			},
		};
	}
}

export interface WorkflowsState {
	workflows: WorkflowsStore;
}

export function workflowsState(): WorkflowsState {
	return { workflows: new WorkflowsStore() };
}

/** Cards name contacts, so the legacy API reads the contacts of the site too. */
export type WorkflowsContext = SiteContext<WorkflowsState & ContactsState>;
