/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Query, Search and Search by Stage for cards, each with the filter and sort fields its SDK spec
// names: Query filters by ID, pipeline, stage and dates only; Search adds contacts, outcome,
// priority, value, tags and a free-text `search.expression`.
import { validationError } from '../core/errors';
import {
	cursorQuery,
	DATE_OPS,
	field,
	ID_OPS,
	type CursorQueryInput,
	type QueryField,
} from '../core/cursorQuery';
import type { PipelinesContext } from './store';
import type {
	Card,
	QueryCardsResponse,
	SearchCardsByStageResponse,
	SearchCardsResponse,
} from './types';

const BOTH: Array<'ASC' | 'DESC'> = ['ASC', 'DESC'];
const TEXT_OPS = [...ID_OPS, '$startsWith'];

const QUERY_FIELDS: Record<string, QueryField> = {
	id: field<Card>('id', ID_OPS, (c) => c.id),
	pipelineId: field<Card>('id', ID_OPS, (c) => c.pipelineId),
	stageId: field<Card>('id', ID_OPS, (c) => c.stageId),
	createdDate: field<Card>('date', DATE_OPS, (c) => c.createdDate, ['ASC']),
	updatedDate: field<Card>('date', DATE_OPS, (c) => c.updatedDate, ['DESC']),
};

const SEARCH_FIELDS: Record<string, QueryField> = {
	id: field<Card>('id', ID_OPS, (c) => c.id, ['ASC']),
	pipelineId: field<Card>('id', ID_OPS, (c) => c.pipelineId, ['ASC']),
	stageId: field<Card>('id', ID_OPS, (c) => c.stageId, ['ASC']),
	assigneeId: field<Card>('id', [...ID_OPS, '$exists'], (c) => c.assigneeId ?? undefined, ['ASC']),
	'mainContact.contactId': field<Card>(
		'id',
		[...ID_OPS, '$exists'],
		(c) => c.mainContact?.contactId ?? undefined,
		['ASC'],
	),
	createdDate: field<Card>('date', DATE_OPS, (c) => c.createdDate, BOTH),
	updatedDate: field<Card>('date', DATE_OPS, (c) => c.updatedDate, BOTH),
	stageUpdatedDate: field<Card>('date', DATE_OPS, (c) => c.stageUpdatedDate, BOTH),
	dueDate: field<Card>(
		'date',
		[...DATE_OPS.filter((o) => o !== '$ne'), '$exists'],
		(c) => c.dueDate ?? undefined,
		BOTH,
	),
	staleDate: field<Card>(
		'date',
		[...DATE_OPS.filter((o) => o !== '$ne'), '$exists'],
		(c) => c.staleDate ?? undefined,
		BOTH,
	),
	'value.value': field<Card>(
		'number',
		['$eq', '$exists', '$gt', '$gte', '$lt', '$lte'],
		(c) => (c.value?.value === undefined ? undefined : Number(c.value.value)),
		BOTH,
	),
	'tags.privateTags.tagIds': field<Card>(
		'array',
		['$hasAll', '$hasSome', '$isEmpty'],
		(c) => c.tags?.privateTags?.tagIds ?? [],
	),
	description: field<Card>('text', [...TEXT_OPS, '$exists'], (c) => c.description ?? undefined),
	'mainContact.email': field<Card>(
		'text',
		TEXT_OPS,
		(c) => c.mainContact?.email ?? undefined,
		BOTH,
	),
	'mainContact.phone': field<Card>(
		'text',
		TEXT_OPS,
		(c) => c.mainContact?.phone ?? undefined,
		BOTH,
	),
	name: field<Card>('text', TEXT_OPS, (c) => c.name, BOTH),
	outcome: field<Card>('text', ID_OPS, (c) => c.outcome, BOTH),
	priority: field<Card>('text', ID_OPS, (c) => c.priority, BOTH),
};

const DEFAULT_SORT = [{ fieldName: 'updatedDate', order: 'DESC' }];

export function queryCards(
	ctx: PipelinesContext,
	request: Record<string, any>,
): QueryCardsResponse {
	const { items, pagingMetadata } = cursorQuery(
		[...ctx.site.pipelines.cards.values()],
		request.query as CursorQueryInput | undefined,
		QUERY_FIELDS,
		{ maxSort: 5, defaultSort: DEFAULT_SORT },
	);
	return { cards: structuredClone(items), pagingMetadata };
}

function fullName(contact: Card['mainContact']) {
	return [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
}

/** Free text: every term (AND) or any term (OR, the default) found in a searchable field [INFER]. */
function textMatcher(
	search: Record<string, any> | undefined,
): ((card: Card) => boolean) | undefined {
	const expression = search?.search?.expression;
	if (expression === undefined || expression === null || expression === '') return undefined;
	if (typeof expression !== 'string' || expression.length > 100)
		throw validationError([
			{ field: 'search.search.expression', description: 'must be at most 100 characters' },
		]);
	const terms = expression.toLowerCase().split(/\s+/).filter(Boolean);
	const every = search?.search?.mode === 'AND';
	return (card) => {
		const haystack = [
			card.name,
			card.description,
			card.mainContact?.email,
			card.mainContact?.phone,
			fullName(card.mainContact),
			...(card.additionalContacts ?? []).flatMap((c) => [c.email, c.phone, fullName(c)]),
		]
			.filter(Boolean)
			.join('\n')
			.toLowerCase();
		return every
			? terms.every((t) => haystack.includes(t))
			: terms.some((t) => haystack.includes(t));
	};
}

export function searchCards(
	ctx: PipelinesContext,
	request: Record<string, any>,
): SearchCardsResponse {
	const search = request.search as Record<string, any> | undefined;
	const { items, pagingMetadata } = cursorQuery(
		[...ctx.site.pipelines.cards.values()],
		search,
		SEARCH_FIELDS,
		{ maxSort: 10, defaultSort: DEFAULT_SORT, also: textMatcher(search) },
	);
	return { cards: structuredClone(items), pagingMetadata };
}

/** One result per stage; the first page of each (cursors are ignored here, as the SDK says). */
export function searchCardsByStage(
	ctx: PipelinesContext,
	request: Record<string, any>,
): SearchCardsByStageResponse {
	const pipeline = ctx.site.pipelines.pipeline(String(request.pipelineId ?? ''));
	const stageIds = Array.isArray(request.stageIds)
		? request.stageIds
		: request.stageIds
			? [request.stageIds]
			: [];
	if (stageIds.length < 1 || stageIds.length > 35)
		throw validationError([{ field: 'stageIds', description: 'must list 1 to 35 stages' }]);
	const search = { ...(request.search ?? {}) };
	if (search.cursorPaging) search.cursorPaging = { limit: search.cursorPaging.limit };
	const cards = ctx.site.pipelines.cardsIn(pipeline.id!);
	return {
		results: stageIds.map((stageId: string) => {
			const { items, pagingMetadata } = cursorQuery(
				cards.filter((c) => c.stageId === stageId),
				search,
				SEARCH_FIELDS,
				{ maxSort: 10, defaultSort: DEFAULT_SORT, also: textMatcher(search) },
			);
			return { pipelineId: pipeline.id, stageId, cards: structuredClone(items), pagingMetadata };
		}),
	};
}
