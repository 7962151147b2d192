/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Pipelines (SDK `_crm_pipelines`): string revisions, 1-30 stages plus the done stage, a site
// limit (MAX_PIPELINES_REACHED), no deleting a pipeline that holds cards, cursor-paged query.
import { appError, validationError } from '../core/errors';
import { emitPipeline } from './events';
import {
	cursorQuery,
	DATE_OPS,
	field,
	ID_OPS,
	type CursorQueryInput,
	type QueryField,
} from '../core/cursorQuery';
import { readDoneStage, readStages, text } from './stages';
import { checkRevision, nextRevision, type PipelinesContext } from './store';
import type { Pipeline, QueryPipelinesResponse } from './types';

function currency(value: unknown): string {
	if (value === undefined || value === null) return 'USD';
	if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value))
		throw validationError([
			{ field: 'pipeline.currency', description: 'must be an ISO 4217 code' },
		]);
	return value;
}

export function createPipeline(
	ctx: PipelinesContext,
	body: Record<string, any>,
): { pipeline: Pipeline } {
	const store = ctx.site.pipelines;
	const input = body.pipeline;
	if (!input || typeof input !== 'object')
		throw validationError([{ field: 'pipeline', description: 'is required' }]);
	const name = text(input.name, 'pipeline.name', 60);
	const stages = readStages(input.stages, [], ctx.site.newId, () => 0);
	const doneStage = readDoneStage(input.doneStage, undefined, ctx.site.newId);
	if (store.byId.size >= store.limits.pipelinesPerSite) {
		throw appError(
			400,
			'MAX_PIPELINES_REACHED',
			`A site can have at most ${store.limits.pipelinesPerSite} pipelines`,
			{
				limit: store.limits.pipelinesPerSite,
			},
		);
	}
	const now = ctx.site.now();
	const pipeline: Pipeline = {
		id: ctx.site.newId(),
		revision: '1',
		createdDate: now,
		updatedDate: now,
		name,
		currency: currency(input.currency),
		stages,
		doneStage,
		source: { appId: ctx.caller.kind === 'app' ? ctx.caller.appId : null },
		...(input.extendedFields ? { extendedFields: structuredClone(input.extendedFields) } : {}),
		tags: { privateTags: { tagIds: input.tags?.privateTags?.tagIds ?? [] } },
	};
	store.byId.set(pipeline.id!, pipeline);
	emitPipeline(ctx, 'created', pipeline);
	return { pipeline: structuredClone(pipeline) };
}

export function getPipeline(ctx: PipelinesContext, id: string): { pipeline: Pipeline } {
	return { pipeline: structuredClone(ctx.site.pipelines.pipeline(id)) };
}

export function updatePipeline(
	ctx: PipelinesContext,
	id: string,
	body: Record<string, any>,
): { pipeline: Pipeline } {
	const store = ctx.site.pipelines;
	const current = store.pipeline(id);
	const input = body.pipeline ?? {};
	checkRevision(input.revision, current.revision!, `Pipeline ${id}`, 'pipeline.revision');
	if (input.currency !== undefined && input.currency !== current.currency)
		throw validationError([{ field: 'pipeline.currency', description: 'cannot change' }]);
	const cardsIn = (stageId: string) =>
		store.cardsIn(id).filter((c) => c.stageId === stageId).length;
	const next: Pipeline = {
		...structuredClone(current),
		name: input.name === undefined ? current.name : text(input.name, 'pipeline.name', 60),
		stages:
			input.stages === undefined
				? current.stages
				: readStages(input.stages, current.stages ?? [], ctx.site.newId, cardsIn),
		doneStage:
			'doneStage' in input
				? readDoneStage(input.doneStage, current.doneStage, ctx.site.newId)
				: current.doneStage,
		revision: nextRevision(current.revision),
		updatedDate: ctx.site.now(),
	};
	if (input.extendedFields !== undefined)
		next.extendedFields = structuredClone(input.extendedFields);
	if (input.tags !== undefined)
		next.tags = { privateTags: { tagIds: input.tags?.privateTags?.tagIds ?? [] } };
	store.byId.set(id, next);
	emitPipeline(ctx, 'updated', next);
	return { pipeline: structuredClone(next) };
}

export function deletePipeline(ctx: PipelinesContext, id: string) {
	const store = ctx.site.pipelines;
	const pipeline = store.pipeline(id);
	if (store.cardsIn(id).length) {
		throw appError(
			400,
			'CANNOT_DELETE_NON_EMPTY_PIPELINE',
			`Pipeline ${id} holds ${store.cardsIn(id).length} cards; delete them first`,
		);
	}
	store.byId.delete(id);
	emitPipeline(ctx, 'deleted', pipeline);
	return {};
}

const PIPELINE_FIELDS: Record<string, QueryField> = {
	id: field<Pipeline>('id', ID_OPS, (p) => p.id),
	createdDate: field<Pipeline>('date', DATE_OPS, (p) => p.createdDate, ['ASC']),
	updatedDate: field<Pipeline>('date', DATE_OPS, (p) => p.updatedDate, ['DESC']),
	name: field<Pipeline>('text', [...ID_OPS, '$startsWith'], (p) => p.name, ['ASC']),
	'source.appId': field<Pipeline>('id', ID_OPS, (p) => p.source?.appId),
};

/** GET with the query in `.r` (or dotted), or POST with it in the body when the URL is too long. */
export function queryPipelines(
	ctx: PipelinesContext,
	request: Record<string, any>,
): QueryPipelinesResponse {
	const { items, pagingMetadata } = cursorQuery(
		[...ctx.site.pipelines.byId.values()],
		request.query as CursorQueryInput | undefined,
		PIPELINE_FIELDS,
		{ maxSort: 5, defaultSort: [{ fieldName: 'updatedDate', order: 'DESC' }] },
	);
	return { pipelines: structuredClone(items), pagingMetadata };
}
