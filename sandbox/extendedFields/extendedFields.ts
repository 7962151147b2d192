/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Extended Fields API (wix-api.md B): find-or-create, get, list, query, rename, delete.
import { customKey, emitEntity, type SiteContext } from '../core/context';
import { appError, notFound, validationError } from '../core/errors';
import {
	namedEntityFields,
	queryPage,
	readPaging,
	requireDisplayName,
	resolverOf,
	type FieldRule,
} from '../core/query';
import type { ContactsState } from '../contacts/store';
import type { ExtendedFieldsState } from './store';
import type {
	ExtendedField,
	FindOrCreateExtendedFieldResponse,
	ListExtendedFieldsResponse,
	QueryExtendedFieldsResponse,
} from './types';

/** Deleting a field takes its value off every contact. */
export type ExtendedFieldsContext = SiteContext<ExtendedFieldsState & ContactsState>;

const FIELD_QUOTA = 100;
const DATA_TYPES = ['TEXT', 'NUMBER', 'DATE', 'URL'];

const fieldFields: Record<string, FieldRule> = {
	...namedEntityFields,
	dataType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (f: ExtendedField) => f.dataType },
	fieldType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (f: ExtendedField) => f.fieldType },
};

export function findOrCreateField(
	ctx: ExtendedFieldsContext,
	body: Record<string, any>,
): FindOrCreateExtendedFieldResponse {
	const displayName = requireDisplayName(body.displayName, 150);
	for (const field of ctx.site.fields.values())
		if (field.displayName === displayName) return { field, newField: false };
	const dataType = body.dataType ?? 'TEXT';
	if (!DATA_TYPES.includes(dataType)) {
		throw validationError([
			{ field: 'dataType', description: `must be one of ${DATA_TYPES.join(', ')}` },
		]);
	}
	const userFields = [...ctx.site.fields.values()].filter(
		(f) => f.fieldType === 'USER_DEFINED',
	).length;
	if (userFields >= FIELD_QUOTA)
		throw appError(400, 'FIELDS_QUOTA_EXCEEDED', 'The site has reached its custom field quota');
	let key = customKey(displayName);
	for (let n = 2; ctx.site.fields.has(key); n++) key = `${customKey(displayName)}-${n}`;
	const now = ctx.site.now();
	const field: ExtendedField = {
		key,
		displayName,
		dataType,
		fieldType: 'USER_DEFINED',
		namespace: 'custom',
		createdDate: now,
		updatedDate: now,
	};
	ctx.site.fields.set(key, field);
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'created', key, field);
	return { field, newField: true };
}

export function getField(ctx: ExtendedFieldsContext, key: string): { field: ExtendedField } {
	const field = ctx.site.fields.get(key);
	if (!field) throw notFound('FIELD_NOT_FOUND', `Extended field ${key}`);
	return { field };
}

export function listFields(
	ctx: ExtendedFieldsContext,
	qs: Record<string, any>,
): ListExtendedFieldsResponse {
	const paging = readPaging(qs.paging, { limit: 100, max: 1000 });
	let list = [...ctx.site.fields.values()];
	if (qs.fieldType) list = list.filter((f) => f.fieldType === qs.fieldType);
	if (qs.namespace) list = list.filter((f) => f.namespace === qs.namespace);
	if (qs.startsWith) list = list.filter((f) => f.displayName?.startsWith(String(qs.startsWith)));
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return {
		fields: slice,
		metadata: {
			count: slice.length,
			offset: paging.offset,
			total: list.length,
			tooManyToCount: false,
		},
	};
}

export function queryFields(
	ctx: ExtendedFieldsContext,
	body: Record<string, any>,
): QueryExtendedFieldsResponse {
	const { slice, pagingMetadata } = queryPage(
		[...ctx.site.fields.values()],
		body,
		resolverOf(fieldFields),
		1000,
	);
	return { fields: slice, pagingMetadata };
}

export function renameField(
	ctx: ExtendedFieldsContext,
	key: string,
	body: Record<string, any>,
): { field: ExtendedField } {
	const { field } = getField(ctx, key);
	if (field.fieldType !== 'USER_DEFINED')
		throw appError(400, 'FIELD_NOT_EDITABLE', `Field ${key} is a system field`);
	const displayName = requireDisplayName(body.field?.displayName, 150);
	const updated = { ...field, displayName, updatedDate: ctx.site.now() };
	ctx.site.fields.set(key, updated);
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'updated', key, updated);
	return { field: updated };
}

export function deleteField(ctx: ExtendedFieldsContext, key: string): Record<string, never> {
	const { field } = getField(ctx, key);
	if (field.fieldType !== 'USER_DEFINED')
		throw appError(400, 'FIELD_NOT_EDITABLE', `Field ${key} is a system field`);
	ctx.site.fields.delete(key);
	for (const c of ctx.site.contacts.values()) delete c.info?.extendedFields?.items?.[key];
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'deleted', key);
	return {};
}
