// REST shapes of the Extended Fields API, from Wix's own SDK types.
import type {
	ExtendedFieldOriginal,
	FindOrCreateExtendedFieldResponseOriginal,
	ListExtendedFieldsResponseOriginal,
	QueryExtendedFieldsResponseOriginal,
} from '@wix/auto_sdk_crm_extended-fields/meta';
import type { Rest } from '../core/types';

export type ExtendedField = Rest<ExtendedFieldOriginal>;
export type FindOrCreateExtendedFieldResponse = Rest<FindOrCreateExtendedFieldResponseOriginal>;
export type ListExtendedFieldsResponse = Rest<ListExtendedFieldsResponseOriginal>;
export type QueryExtendedFieldsResponse = Rest<QueryExtendedFieldsResponseOriginal>;
