// Wix CRM Workflows API v1 (legacy lead funnels): workflows, phases and cards. Wix publishes no SDK
// package for it, so the shapes below are typed from the REST reference (wix-api.md C.1–C.3).
// Creates answer `{ id }` only; updates, moves, archives, restores and deletes answer `{}`.
import type { IDataObject } from 'n8n-workflow';

import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const WORKFLOWS_PATH = '/workflows/v1';

/** Legacy list endpoints take flat `limit`/`offset`; no documented maximum, so pages stay modest. */
export const PAGE_SIZE = 100;

/** How webhooks name a legacy card (`entityFqdn`). */
export const CARD_ENTITY_FQDN = 'wix.workflows.v1.card';

/** At most this many workflows per site: the 31st create is refused with HTTP 403. */
export const MAX_WORKFLOWS = 30;

export interface LegacyCardInfo {
	id?: string;
	name?: string;
	description?: string;
	primaryAttachment?: {
		attachmentId?: string;
		value?: string;
		attachmentType?: string;
		contactId?: string;
	};
	dueDate?: string;
	source?: string;
	phaseId?: string;
	createdDate?: string;
	updatedDate?: string;
	createdAt?: string;
	updatedAt?: string;
}

export interface LegacyCard {
	info?: LegacyCardInfo;
}

export interface LegacyCardsList {
	total?: number;
	cards?: LegacyCard[];
}

export interface LegacyPhase {
	info?: { id?: string; name?: string };
	cardsList?: LegacyCardsList;
}

export interface LegacyWorkflowInfo {
	id?: string;
	name?: string;
	description?: string;
	createdDate?: string;
	createdAt?: string;
	isDeletable?: boolean;
}

export interface LegacyWorkflow {
	info?: LegacyWorkflowInfo;
	winPhase?: LegacyPhase;
	phasesList?: { total?: number; phases?: LegacyPhase[] };
}

const POSITION_HINT =
	'Positions are 0-based: 0 is the top, and a phase can go at most one place after the last active phase (the win phase always stays last).';

const ACTIVE_CARD =
	'This contact already has an active card in this workflow (field primaryAttachment.contactId): update or move that card, or move it to the win phase, archive or delete it before adding another.';
const WORKFLOW_LIMIT =
	'A site has at most 30 workflows: delete one you no longer use (Workflow → Delete) or reuse an existing one (Set Up Funnel finds it by name).';

// Wix documents no error codes for this API: these are the ones the sandbox answers with, beside
// the HTTP statuses the reference names (403 for the 31st workflow, 404 for unknown IDs).
const common: Record<string, string> = {
	'403': `${WORKFLOW_LIMIT} If this is not a create, the API key lacks the CRM / Workflows permission.`,
	'400':
		'Check the field named in the message. Positions are 0-based; a contact may be on only one active card per workflow (move that card to the win phase, archive or delete it first).',
	OUT_OF_RANGE: POSITION_HINT,
	CONTACT_HAS_ACTIVE_CARD: ACTIVE_CARD,
	WORKFLOWS_LIMIT_REACHED: WORKFLOW_LIMIT,
	CARDS_LIMIT_REACHED:
		'A workflow holds at most 5000 cards: archive or delete cards that are done, or use another workflow.',
	CONTACT_NOT_FOUND:
		'Check the Contact (field primaryAttachment.contactId): no contact has this ID on this site. Pick it from the list or give its email.',
	PHASE_NOT_IN_WORKFLOW:
		'The Phase (field phaseId) belongs to another workflow: pick the phase from the list after choosing this workflow.',
	WIN_PHASE_IS_FIXED:
		'The win phase (field phaseId) is made by Wix with the workflow: it cannot be moved, renamed or deleted.',
	CARD_ARCHIVED: 'The card is archived: restore it (Card → Restore) before moving or updating it.',
	CARD_NOT_ARCHIVED: 'Only an archived card can be restored; this one is still in a phase.',
};

const describeData = (data: Record<string, unknown>) =>
	typeof data.cardId === 'string' ? `card holding the contact: ${data.cardId}` : '';

/** Error hints for calls about a workflow. */
export const workflowErrors: WixApiErrors = {
	describeData,
	hints: {
		...common,
		'404':
			'Check the Workflow: no workflow has this ID on this site (it may have been deleted). Pick it from the list.',
		WORKFLOW_NOT_FOUND:
			'Check the Workflow: no workflow has this ID on this site (it may have been deleted). Pick it from the list.',
	},
};

/** Error hints for calls about a phase. */
export const phaseErrors: WixApiErrors = {
	describeData,
	hints: {
		...common,
		'404':
			'Check the Workflow and Phase: no phase (or workflow) has this ID on this site. Pick the phase from the list after choosing its workflow.',
		PHASE_NOT_FOUND:
			'Check the Phase: no phase has this ID in this workflow. Pick it from the list after choosing its workflow.',
		WORKFLOW_NOT_FOUND:
			'Check the Workflow: no workflow has this ID on this site (it may have been deleted). Pick it from the list.',
	},
};

/** Error hints for calls about a card. */
export const cardErrors: WixApiErrors = {
	describeData,
	hints: {
		...common,
		'404':
			'Check the Card ID (and the workflow and phase it names): no such card, phase or workflow exists on this site. An archived card must be restored before it can be moved or updated.',
		CARD_NOT_FOUND:
			'Check the Card ID: no card has it in this workflow (it may have been deleted). An archived card must be restored first.',
		PHASE_NOT_FOUND:
			'Check the Phase: no phase has this ID in this workflow. Pick it from the list after choosing its workflow.',
		WORKFLOW_NOT_FOUND:
			'Check the Workflow: no workflow has this ID on this site (it may have been deleted). Pick it from the list.',
	},
};

const enc = encodeURIComponent;
const workflowPath = (id: string) => `${WORKFLOWS_PATH}/workflows/${enc(id)}`;
const phasePath = (id: string) => `${WORKFLOWS_PATH}/phases/${enc(id)}`;
const cardPath = (id: string) => `${WORKFLOWS_PATH}/cards/${enc(id)}`;

/** Not idempotent: the answer is `{ id }`, a second send makes a second workflow. */
export const createWorkflow = (workflow: { name: string; description?: string }): WixRequest => ({
	method: 'POST',
	path: `${WORKFLOWS_PATH}/workflows`,
	body: { workflow },
	errors: workflowErrors,
	idempotent: false,
});

export const getWorkflow = (id: string, cardsPerPhase?: number): WixRequest => ({
	method: 'GET',
	path: workflowPath(id),
	qs: cardsPerPhase === undefined ? undefined : { cardsPerPhase },
	errors: workflowErrors,
});

/** List Workflows through every page (flat limit/offset, `pagination` block), up to `limit`. */
export const listWorkflows = (sort?: string, limit?: number): AllItemsRequest => ({
	method: 'GET',
	path: `${WORKFLOWS_PATH}/workflows`,
	qs: sort ? { sort } : {},
	errors: workflowErrors,
	model: 'legacy',
	itemsKey: 'workflows',
	pageSize: PAGE_SIZE,
	pagingIn: 'qs',
	limit,
});

export const updateWorkflow = (
	id: string,
	workflow: { name?: string; description?: string },
): WixRequest => ({
	method: 'PATCH',
	path: workflowPath(id),
	body: { workflow },
	errors: workflowErrors,
});

export const deleteWorkflow = (id: string): WixRequest => ({
	method: 'DELETE',
	path: workflowPath(id),
	errors: workflowErrors,
});

/** Without a position the phase goes last, before the win phase. */
export const createPhase = (workflowId: string, name: string, position?: number): WixRequest => ({
	method: 'POST',
	path: `${workflowPath(workflowId)}/phases`,
	body: position === undefined ? { phase: { name } } : { phase: { name }, position },
	errors: phaseErrors,
	idempotent: false,
});

/** The active phases in display order (the win phase is not among them). */
export const listPhases = (workflowId: string, limit?: number): AllItemsRequest => ({
	method: 'GET',
	path: `${workflowPath(workflowId)}/phases`,
	errors: phaseErrors,
	model: 'legacy',
	itemsKey: 'phases',
	pageSize: PAGE_SIZE,
	pagingIn: 'qs',
	limit,
});

export const getPhase = (id: string): WixRequest => ({
	method: 'GET',
	path: phasePath(id),
	errors: phaseErrors,
});

export const updatePhase = (id: string, name: string): WixRequest => ({
	method: 'PATCH',
	path: phasePath(id),
	body: { phase: { name } },
	errors: phaseErrors,
});

export const movePhase = (workflowId: string, id: string, newPosition: number): WixRequest => ({
	method: 'POST',
	path: `${workflowPath(workflowId)}/phases/${enc(id)}/move`,
	body: { newPosition },
	errors: phaseErrors,
});

export const deletePhase = (id: string): WixRequest => ({
	method: 'DELETE',
	path: phasePath(id),
	errors: phaseErrors,
});

/** Without a position the card goes to the bottom of the phase. */
export const createCard = (
	workflowId: string,
	phaseId: string,
	card: LegacyCardInfo,
	position?: number,
): WixRequest => ({
	method: 'POST',
	path: `${workflowPath(workflowId)}/phases/${enc(phaseId)}/cards`,
	body: (position === undefined ? { card } : { card, position }) as IDataObject,
	errors: cardErrors,
	idempotent: false,
});

export interface CardFilter {
	phaseId?: string;
	/** A contact ID: cards attached to that contact. */
	attachmentValue?: string;
	/** True: only archived cards; false (Wix's default): only cards that are not archived. */
	fetchArchived?: boolean;
}

/** List Cards of a workflow through every page, in display order unless sorted. */
export const listCards = (
	workflowId: string,
	filter: CardFilter,
	limit?: number,
): AllItemsRequest => ({
	method: 'GET',
	path: `${workflowPath(workflowId)}/cards`,
	qs: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')),
	errors: cardErrors,
	model: 'legacy',
	itemsKey: 'cards',
	pageSize: PAGE_SIZE,
	pagingIn: 'qs',
	limit,
});

/** An archived card answers `{}`. */
export const getCard = (id: string): WixRequest => ({
	method: 'GET',
	path: cardPath(id),
	errors: cardErrors,
});

/** Note the body key: `cardInfo`, not `card`. */
export const updateCard = (id: string, cardInfo: LegacyCardInfo): WixRequest => ({
	method: 'PATCH',
	path: cardPath(id),
	body: { cardInfo } as IDataObject,
	errors: cardErrors,
});

export const moveCard = (id: string, newPhaseId: string, newPosition?: number): WixRequest => ({
	method: 'POST',
	path: `${cardPath(id)}/move`,
	body: newPosition === undefined ? { newPhaseId } : { newPhaseId, newPosition },
	errors: cardErrors,
});

export const archiveCard = (id: string): WixRequest => ({
	method: 'POST',
	path: `${cardPath(id)}/archive`,
	errors: cardErrors,
});

export const restoreCard = (id: string, newPhaseId: string, newPosition?: number): WixRequest => ({
	method: 'POST',
	path: `${cardPath(id)}/restore`,
	body: newPosition === undefined ? { newPhaseId } : { newPhaseId, newPosition },
	errors: cardErrors,
});

export const deleteCard = (id: string): WixRequest => ({
	method: 'DELETE',
	path: cardPath(id),
	errors: cardErrors,
});
