// Wix CRM Pipelines API v1, cards: paths, requests, error hints. Typed with the SDK's REST shapes
// (`@wix/auto_sdk_crm_cards`, type-only).
import type { CardOriginal as Card } from '@wix/auto_sdk_crm_cards/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export type WixCard = Rest<Card>;
export type CardOutcome = 'NONE' | 'WON' | 'LOST';

export const CARDS_PATH = '/crm/pipelines/v1/cards';

/** How webhooks name a pipeline card (`entityFqdn`). */
export const ENTITY_FQDN = 'wix.crm.pipelines.v1.card';

/** Query Cards pages by cursor, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;

const STALE =
	'The card changed since its revision was read (field revision): without a Revision the node re-reads it and tries once more; with one, read the card again (Card → Get) and pass its current revision.';

export const errors: WixApiErrors = {
	hints: {
		'404': 'Check the Card ID: no card has it on this site (it may have been deleted).',
		PIPELINE_NOT_FOUND:
			'Check the Pipeline (field pipelineId): no pipeline has this ID on this site. Pick it from the list.',
		STAGE_NOT_FOUND:
			'Check the Stage (field stageId): it must be a stage of the card’s own pipeline. Pick it from the list after choosing that pipeline.',
		CONTACTS_NOT_FOUND:
			'Check the contacts (fields mainContact.contactId / additionalContacts): these contact IDs are not on this site. Give the main contact by email to have it found or created.',
		INVALID_CONTACT_ID:
			'Check the contacts (fields mainContact.contactId / additionalContacts): each must be a contact ID (a GUID) of this site.',
		INVALID_OUTCOME:
			'An outcome (field outcome) is allowed only when the card goes to the pipeline’s done stage, and only one of the done stage’s allowed outcomes: pick the done stage, or leave Outcome empty.',
		ASSIGNEE_NOT_FOUND:
			'Check the Assignee ID (field assigneeId): it must be a Wix user (a site collaborator) of this site.',
		INVALID_ASSIGNEE_ID:
			'Check the Assignee ID (field assigneeId): it must be a Wix user (a site collaborator) of this site.',
		ADDITIONAL_CONTACTS_WITHOUT_MAIN_CONTACT:
			'Additional contacts (field additionalContacts) need a main contact: set Main Contact as well.',
		CANNOT_REMOVE_NAME: 'A card needs a name (field name): give a non-empty name.',
		CANNOT_CHANGE_CURRENCY:
			'The currency of a card’s value (field value.currency) is the pipeline’s and cannot change: leave Currency empty.',
		INSUFFICIENT_CARD_DATA: 'Wix needs more of the card (field name or stageId): fill them in.',
		REVISION_MISSING: STALE,
		'409': STALE,
	},
	describeData: (data) =>
		Array.isArray(data.contactIds) ? `contact IDs: ${data.contactIds.join(', ')}` : '',
};

export function cardPath(id: string): string {
	return `${CARDS_PATH}/${encodeURIComponent(id)}`;
}

/** Not idempotent: a second send makes a second card (Create looks for a lost one first). */
export const create = (card: WixCard): WixRequest => ({
	method: 'POST',
	path: CARDS_PATH,
	body: { card } as IDataObject,
	errors,
	idempotent: false,
});

export const get = (id: string): WixRequest => ({
	method: 'GET',
	path: cardPath(id),
	errors,
});

/** Partial update at `card.revision`; `card.id` names it. */
export const update = (card: WixCard & { id: string }): WixRequest => ({
	method: 'PATCH',
	path: cardPath(card.id),
	body: { card } as IDataObject,
	errors,
});

/** Moves the card to `stageId` at its `revision`; an outcome only for the done stage. */
export const move = (
	id: string,
	stageId: string,
	revision: string,
	outcome?: CardOutcome,
): WixRequest => ({
	method: 'PATCH',
	path: `${CARDS_PATH}/move/${encodeURIComponent(id)}`,
	body: outcome ? { stageId, revision, outcome } : { stageId, revision },
	errors,
});

export const remove = (id: string): WixRequest => ({
	method: 'DELETE',
	path: cardPath(id),
	errors,
});

/**
 * One page of Query Cards (the POST binding; see pipelines.queryPage). Query filters only by ID,
 * pipeline, stage and dates, and sorts by createdDate ASC or updatedDate DESC; Search does more.
 */
export const queryPage = (query: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${CARDS_PATH}/query`,
	body: { query },
	errors,
});

/** Query Cards through every page by cursor, up to `limit`. */
export const query = (query: IDataObject, limit?: number): AllItemsRequest => ({
	...queryPage(query),
	model: 'cursor',
	itemsKey: 'cards',
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});

/**
 * Search Cards through every page by cursor, up to `limit` (the POST binding of
 * `GET …/cards/search`). Filters and sorts on contacts, outcome, priority, value, tags and dates
 * too; `search` is `{ filter, sort, search? }`.
 */
export const search = (search: IDataObject, limit?: number): AllItemsRequest => ({
	method: 'POST',
	path: `${CARDS_PATH}/search`,
	body: { search },
	errors,
	model: 'cursor',
	itemsKey: 'cards',
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'search',
	limit,
});
