// REST shapes of the Labels API, from Wix's own SDK types.
import type {
	ContactLabelOriginal,
	FindOrCreateLabelResponseOriginal,
	ListLabelsResponseOriginal,
	QueryLabelsResponseOriginal,
} from '@wix/auto_sdk_crm_labels/meta';
import type { Rest } from '../core/types';

export type Label = Rest<ContactLabelOriginal>;
export type FindOrCreateLabelResponse = Rest<FindOrCreateLabelResponseOriginal>;
export type ListLabelsResponse = Rest<ListLabelsResponseOriginal>;
export type QueryLabelsResponse = Rest<QueryLabelsResponseOriginal>;
