// Wix CRM Pipelines API v1 (the current lead funnels), pipelines: paths, requests, error hints.
// Typed with the SDK's REST shapes (`@wix/auto_sdk_crm_pipelines`, type-only).
import type {
	PipelineOriginal as Pipeline,
	StageOriginal as Stage,
} from '@wix/auto_sdk_crm_pipelines/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export type WixPipeline = Rest<Pipeline>;
export type WixStage = Rest<Stage>;

export const PIPELINES_PATH = '/crm/pipelines/v1/pipelines';

/** Query Pipelines pages by cursor, up to 100 per page. */
export const QUERY_PAGE_SIZE = 100;

/** A pipeline has 1 to 30 stages before its done stage. */
export const MAX_STAGES = 30;

const STALE =
	'The pipeline changed since it was read (field revision): the node re-reads it and tries once more; if this still fails, someone else is editing it — run again.';

export const errors: WixApiErrors = {
	hints: {
		'404':
			'Check the Pipeline: no pipeline has this ID on this site (it may have been deleted). Pick it from the list.',
		PIPELINE_NOT_FOUND:
			'Check the Pipeline (field pipelineId): no pipeline has this ID on this site. Pick it from the list.',
		STAGE_NOT_FOUND:
			'Check the Stage (field stageId): no stage of this pipeline has this ID. Pick it from the list after choosing the pipeline.',
		MAX_PIPELINES_REACHED:
			'The site has as many pipelines as Wix allows: delete one you no longer use (Pipeline → Delete) or reuse an existing one (Set Up Funnel finds it by name).',
		CANNOT_DELETE_NON_EMPTY_PIPELINE:
			'The pipeline still has cards: delete or move its cards first (Card → Get Many by this pipeline, then Card → Delete).',
		CANNOT_DELETE_STAGE_WITH_CARDS:
			'A stage left out of field stages still has cards: move them to another stage first, or keep the stage (turn off Remove Stages Not Listed).',
		CANNOT_DELETE_PIPELINE_DONE_STAGE:
			'The done stage (field doneStage) cannot be removed: rename it instead.',
		CANNOT_CHANGE_DURATION_ON_STAGE_WITH_CARDS:
			'The stale duration (field stages.staleDurationInHours) of a stage with cards cannot change: move its cards first.',
		STAGE_IDS_MUST_BE_UNIQUE: 'The same stage is listed twice in field stages: list each once.',
		INSUFFICIENT_PIPELINE_DATA:
			'Wix needs more of the pipeline (field name, stages or doneStage with its allowed outcomes): fill them in.',
		REVISION_MISSING: STALE,
		'409': STALE,
		'400':
			'Check the field named in the message: a pipeline needs a name (1–60 characters) and 1 to 30 stages (names 1–40 characters); the done stage needs at least one allowed outcome.',
	},
	describeData: (data) => (typeof data.limit === 'number' ? `limit: ${data.limit}` : ''),
};

export function pipelinePath(id: string): string {
	return `${PIPELINES_PATH}/${encodeURIComponent(id)}`;
}

/** Not idempotent: a second send makes a second pipeline. */
export const create = (pipeline: WixPipeline): WixRequest => ({
	method: 'POST',
	path: PIPELINES_PATH,
	body: { pipeline } as IDataObject,
	errors,
	idempotent: false,
});

export const get = (id: string): WixRequest => ({
	method: 'GET',
	path: pipelinePath(id),
	errors,
});

/** Partial update at `pipeline.revision`; `pipeline.id` names it. */
export const update = (pipeline: WixPipeline & { id: string }): WixRequest => ({
	method: 'PATCH',
	path: pipelinePath(pipeline.id),
	body: { pipeline } as IDataObject,
	errors,
});

export const remove = (id: string): WixRequest => ({
	method: 'DELETE',
	path: pipelinePath(id),
	errors,
});

/**
 * One page of Query Pipelines. Wix's GET binding takes the query as `.r`; the POST binding the SDK
 * falls back to takes it as JSON, which is what this sends.
 */
export const queryPage = (query: IDataObject): WixRequest => ({
	method: 'POST',
	path: `${PIPELINES_PATH}/query`,
	body: { query },
	errors,
});

/** Query Pipelines through every page by cursor, up to `limit`. */
export const query = (query: IDataObject, limit?: number): AllItemsRequest => ({
	...queryPage(query),
	model: 'cursor',
	itemsKey: 'pipelines',
	pageSize: QUERY_PAGE_SIZE,
	pagingIn: 'query',
	limit,
});
