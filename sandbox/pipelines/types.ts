// REST shapes of CRM Pipelines & Cards (wix-api.md C.6), from Wix's own SDK types.
import type {
	CardOriginal,
	ContactInfoOriginal,
	MoveCardResponseOriginal,
	QueryCardsResponseOriginal,
	SearchCardsByStageResponseOriginal,
	SearchCardsResponseOriginal,
} from '@wix/auto_sdk_crm_cards/meta';
import type {
	DoneStageOriginal,
	PipelineOriginal,
	QueryPipelinesResponseOriginal,
	StageOriginal,
} from '@wix/auto_sdk_crm_pipelines/meta';
import type { Rest } from '../core/types';

export type Pipeline = Rest<PipelineOriginal>;
export type Stage = Rest<StageOriginal>;
export type DoneStage = Rest<DoneStageOriginal>;
export type QueryPipelinesResponse = Rest<QueryPipelinesResponseOriginal>;
export type Card = Rest<CardOriginal>;
export type CardContact = Rest<ContactInfoOriginal>;
export type MoveCardResponse = Rest<MoveCardResponseOriginal>;
export type QueryCardsResponse = Rest<QueryCardsResponseOriginal>;
export type SearchCardsResponse = Rest<SearchCardsResponseOriginal>;
export type SearchCardsByStageResponse = Rest<SearchCardsByStageResponseOriginal>;
export type Outcome = 'NONE' | 'WON' | 'LOST';
