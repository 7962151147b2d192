// Labels API (wix-api.md A.11) and Extended Fields API (wix-api.md B).
import type { ContactsContext } from './contacts';
import { appError, notFound, validationError } from './errors';
import { matches, normalizeSort, readPaging, sortEntities, validateFilter, type FieldResolver, type FieldRule } from './query';
import { customKey } from './state';
import type {
	ExtendedField,
	FindOrCreateExtendedFieldResponse,
	FindOrCreateLabelResponse,
	Label,
	ListExtendedFieldsResponse,
	ListLabelsResponse,
	QueryExtendedFieldsResponse,
	QueryLabelsResponse,
} from './types';

const LABEL_QUOTA = 1000;
const FIELD_QUOTA = 100;
const DATA_TYPES = ['TEXT', 'NUMBER', 'DATE', 'URL'];

function requireDisplayName(value: unknown, max: number): string {
	if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
		throw validationError([{ field: 'displayName', description: `is required, 1 to ${max} characters` }]);
	}
	return value;
}

function emitEntity(ctx: ContactsContext, fqdn: string, slug: 'created' | 'updated' | 'deleted', id: string, entity?: unknown) {
	const body =
		slug === 'created' ? { createdEvent: { entity } } : slug === 'updated' ? { updatedEvent: { currentEntity: entity } } : { deletedEvent: {} };
	ctx.emit({ entityFqdn: fqdn, slug, entityId: id, body });
}

const text = ['$eq', '$ne', '$in', '$startsWith', '$exists'];
const commonFields: Record<string, FieldRule> = {
	key: { ops: text, type: 'text', sortable: true, get: (l: Label) => l.key },
	displayName: { ops: text, type: 'text', sortable: true, get: (l: Label) => l.displayName },
	namespace: { ops: text, type: 'text', get: (l: Label) => l.namespace },
	createdDate: { ops: ['$eq', '$gt', '$lt', '$gte', '$lte'], type: 'date', sortable: true, get: (l: Label) => l.createdDate },
	updatedDate: { ops: ['$eq', '$gt', '$lt', '$gte', '$lte'], type: 'date', sortable: true, get: (l: Label) => l.updatedDate },
};
const labelFields: Record<string, FieldRule> = {
	...commonFields,
	labelType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (l: Label) => l.labelType },
};
const fieldFields: Record<string, FieldRule> = {
	...commonFields,
	dataType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (f: ExtendedField) => f.dataType },
	fieldType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (f: ExtendedField) => f.fieldType },
};
const resolverOf = (table: Record<string, FieldRule>): FieldResolver => (name) => table[name];

function queryList<T>(list: T[], body: Record<string, any>, table: Record<string, FieldRule>, max: number) {
	const query = body.query ?? {};
	const resolve = resolverOf(table);
	validateFilter(query.filter, resolve);
	const sort = normalizeSort(query.sort, resolve);
	const paging = readPaging(query.paging, { limit: 50, max });
	const filtered = sortEntities(list.filter((x) => matches(x, query.filter, resolve)), sort, resolve);
	const slice = filtered.slice(paging.offset, paging.offset + paging.limit);
	return { slice, pagingMetadata: { count: slice.length, offset: paging.offset, total: filtered.length, tooManyToCount: false } };
}

export function findOrCreateLabel(ctx: ContactsContext, body: Record<string, any>): FindOrCreateLabelResponse {
	const displayName = requireDisplayName(body.displayName, 180);
	for (const label of ctx.site.labels.values()) if (label.displayName === displayName) return { label, newLabel: false };
	const userLabels = [...ctx.site.labels.values()].filter((l) => l.labelType === 'USER_DEFINED').length;
	if (userLabels >= LABEL_QUOTA) {
		throw appError(400, 'LABELS_QUOTA_REACHED', 'The site has reached its label quota', { labelsQuota: LABEL_QUOTA, labelsCurrentTotal: userLabels });
	}
	let key = customKey(displayName);
	for (let n = 2; ctx.site.labels.has(key); n++) key = `${customKey(displayName)}-${n}`;
	const now = ctx.site.now();
	const label: Label = { key, displayName, namespace: 'custom', namespaceDisplayName: 'Labels', labelType: 'USER_DEFINED', createdDate: now, updatedDate: now };
	ctx.site.labels.set(key, label);
	emitEntity(ctx, 'wix.contacts.v4.label', 'created', key, label);
	return { label, newLabel: true };
}

export function getLabel(ctx: ContactsContext, key: string): { label: Label } {
	const label = ctx.site.labels.get(key);
	if (!label) throw notFound('LABEL_NOT_FOUND', `Label ${key}`);
	return { label };
}

export function listLabels(ctx: ContactsContext, qs: Record<string, any>): ListLabelsResponse {
	const paging = readPaging(qs.paging, { limit: 1000, max: 2000 });
	let list = [...ctx.site.labels.values()];
	if (qs.labelType) list = list.filter((l) => l.labelType === qs.labelType);
	if (qs.namespace) list = list.filter((l) => l.namespace === qs.namespace);
	if (qs.startsWith) list = list.filter((l) => l.displayName?.startsWith(String(qs.startsWith)));
	const resolve = resolverOf(labelFields);
	if (qs.sort?.fieldName) list = sortEntities(list, normalizeSort(qs.sort, resolve), resolve);
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return { labels: slice, metadata: { count: slice.length, offset: paging.offset, total: list.length, tooManyToCount: false } };
}

export function queryLabels(ctx: ContactsContext, body: Record<string, any>): QueryLabelsResponse {
	const { slice, pagingMetadata } = queryList([...ctx.site.labels.values()], body, labelFields, 1000);
	return { labels: slice, pagingMetadata };
}

export function renameLabel(ctx: ContactsContext, key: string, body: Record<string, any>): { label: Label } {
	const { label } = getLabel(ctx, key);
	if (label.labelType !== 'USER_DEFINED') throw appError(400, 'LABEL_NOT_EDITABLE', `Label ${key} is not user-defined`);
	const displayName = requireDisplayName(body.label?.displayName, 180);
	const updated = { ...label, displayName, updatedDate: ctx.site.now() };
	ctx.site.labels.set(key, updated);
	emitEntity(ctx, 'wix.contacts.v4.label', 'updated', key, updated);
	return { label: updated };
}

export function deleteLabel(ctx: ContactsContext, key: string): Record<string, never> {
	const { label } = getLabel(ctx, key);
	if (label.labelType !== 'USER_DEFINED') throw appError(400, 'LABEL_NOT_EDITABLE', `Label ${key} is not user-defined`);
	ctx.site.labels.delete(key);
	for (const c of ctx.site.contacts.values()) {
		if (c.info?.labelKeys?.items) c.info.labelKeys.items = c.info.labelKeys.items.filter((k) => k !== key);
	}
	emitEntity(ctx, 'wix.contacts.v4.label', 'deleted', key);
	return {};
}

export function findOrCreateField(ctx: ContactsContext, body: Record<string, any>): FindOrCreateExtendedFieldResponse {
	const displayName = requireDisplayName(body.displayName, 150);
	for (const field of ctx.site.fields.values()) if (field.displayName === displayName) return { field, newField: false };
	const dataType = body.dataType ?? 'TEXT';
	if (!DATA_TYPES.includes(dataType)) {
		throw validationError([{ field: 'dataType', description: `must be one of ${DATA_TYPES.join(', ')}` }]);
	}
	const userFields = [...ctx.site.fields.values()].filter((f) => f.fieldType === 'USER_DEFINED').length;
	if (userFields >= FIELD_QUOTA) throw appError(400, 'FIELDS_QUOTA_EXCEEDED', 'The site has reached its custom field quota');
	let key = customKey(displayName);
	for (let n = 2; ctx.site.fields.has(key); n++) key = `${customKey(displayName)}-${n}`;
	const now = ctx.site.now();
	const field: ExtendedField = { key, displayName, dataType, fieldType: 'USER_DEFINED', namespace: 'custom', createdDate: now, updatedDate: now };
	ctx.site.fields.set(key, field);
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'created', key, field);
	return { field, newField: true };
}

export function getField(ctx: ContactsContext, key: string): { field: ExtendedField } {
	const field = ctx.site.fields.get(key);
	if (!field) throw notFound('FIELD_NOT_FOUND', `Extended field ${key}`);
	return { field };
}

export function listFields(ctx: ContactsContext, qs: Record<string, any>): ListExtendedFieldsResponse {
	const paging = readPaging(qs.paging, { limit: 100, max: 1000 });
	let list = [...ctx.site.fields.values()];
	if (qs.fieldType) list = list.filter((f) => f.fieldType === qs.fieldType);
	if (qs.namespace) list = list.filter((f) => f.namespace === qs.namespace);
	if (qs.startsWith) list = list.filter((f) => f.displayName?.startsWith(String(qs.startsWith)));
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return { fields: slice, metadata: { count: slice.length, offset: paging.offset, total: list.length, tooManyToCount: false } };
}

export function queryFields(ctx: ContactsContext, body: Record<string, any>): QueryExtendedFieldsResponse {
	const { slice, pagingMetadata } = queryList([...ctx.site.fields.values()], body, fieldFields, 1000);
	return { fields: slice, pagingMetadata };
}

export function renameField(ctx: ContactsContext, key: string, body: Record<string, any>): { field: ExtendedField } {
	const { field } = getField(ctx, key);
	if (field.fieldType !== 'USER_DEFINED') throw appError(400, 'FIELD_NOT_EDITABLE', `Field ${key} is a system field`);
	const displayName = requireDisplayName(body.field?.displayName, 150);
	const updated = { ...field, displayName, updatedDate: ctx.site.now() };
	ctx.site.fields.set(key, updated);
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'updated', key, updated);
	return { field: updated };
}

export function deleteField(ctx: ContactsContext, key: string): Record<string, never> {
	const { field } = getField(ctx, key);
	if (field.fieldType !== 'USER_DEFINED') throw appError(400, 'FIELD_NOT_EDITABLE', `Field ${key} is a system field`);
	ctx.site.fields.delete(key);
	for (const c of ctx.site.contacts.values()) delete c.info?.extendedFields?.items?.[key];
	emitEntity(ctx, 'wix.contacts.v4.extended_field', 'deleted', key);
	return {};
}

