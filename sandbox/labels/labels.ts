/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Labels API (wix-api.md A.11): find-or-create, get, list, query, rename, delete.
import { customKey, emitEntity, type SiteContext } from '../core/context';
import { appError, notFound } from '../core/errors';
import {
	namedEntityFields,
	normalizeSort,
	queryPage,
	readPaging,
	requireDisplayName,
	resolverOf,
	sortEntities,
	type FieldRule,
} from '../core/query';
import type { ContactsState } from '../contacts/store';
import type { LabelsState } from './store';
import type {
	FindOrCreateLabelResponse,
	Label,
	ListLabelsResponse,
	QueryLabelsResponse,
} from './types';

/** Deleting a label takes it off every contact. */
export type LabelsContext = SiteContext<LabelsState & ContactsState>;

const LABEL_QUOTA = 1000;

const labelFields: Record<string, FieldRule> = {
	...namedEntityFields,
	labelType: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (l: Label) => l.labelType },
};

export function findOrCreateLabel(
	ctx: LabelsContext,
	body: Record<string, any>,
): FindOrCreateLabelResponse {
	const displayName = requireDisplayName(body.displayName, 180);
	for (const label of ctx.site.labels.values())
		if (label.displayName === displayName) return { label, newLabel: false };
	const userLabels = [...ctx.site.labels.values()].filter(
		(l) => l.labelType === 'USER_DEFINED',
	).length;
	if (userLabels >= LABEL_QUOTA) {
		throw appError(400, 'LABELS_QUOTA_REACHED', 'The site has reached its label quota', {
			labelsQuota: LABEL_QUOTA,
			labelsCurrentTotal: userLabels,
		});
	}
	let key = customKey(displayName);
	for (let n = 2; ctx.site.labels.has(key); n++) key = `${customKey(displayName)}-${n}`;
	const now = ctx.site.now();
	const label: Label = {
		key,
		displayName,
		namespace: 'custom',
		namespaceDisplayName: 'Labels',
		labelType: 'USER_DEFINED',
		createdDate: now,
		updatedDate: now,
	};
	ctx.site.labels.set(key, label);
	emitEntity(ctx, 'wix.contacts.v4.label', 'created', key, label);
	return { label, newLabel: true };
}

export function getLabel(ctx: LabelsContext, key: string): { label: Label } {
	const label = ctx.site.labels.get(key);
	if (!label) throw notFound('LABEL_NOT_FOUND', `Label ${key}`);
	return { label };
}

export function listLabels(ctx: LabelsContext, qs: Record<string, any>): ListLabelsResponse {
	const paging = readPaging(qs.paging, { limit: 1000, max: 2000 });
	let list = [...ctx.site.labels.values()];
	if (qs.labelType) list = list.filter((l) => l.labelType === qs.labelType);
	if (qs.namespace) list = list.filter((l) => l.namespace === qs.namespace);
	if (qs.startsWith) list = list.filter((l) => l.displayName?.startsWith(String(qs.startsWith)));
	const resolve = resolverOf(labelFields);
	if (qs.sort?.fieldName) list = sortEntities(list, normalizeSort(qs.sort, resolve), resolve);
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return {
		labels: slice,
		metadata: {
			count: slice.length,
			offset: paging.offset,
			total: list.length,
			tooManyToCount: false,
		},
	};
}

export function queryLabels(ctx: LabelsContext, body: Record<string, any>): QueryLabelsResponse {
	const { slice, pagingMetadata } = queryPage(
		[...ctx.site.labels.values()],
		body,
		resolverOf(labelFields),
		1000,
	);
	return { labels: slice, pagingMetadata };
}

export function renameLabel(
	ctx: LabelsContext,
	key: string,
	body: Record<string, any>,
): { label: Label } {
	const { label } = getLabel(ctx, key);
	if (label.labelType !== 'USER_DEFINED')
		throw appError(400, 'LABEL_NOT_EDITABLE', `Label ${key} is not user-defined`);
	const displayName = requireDisplayName(body.label?.displayName, 180);
	const updated = { ...label, displayName, updatedDate: ctx.site.now() };
	ctx.site.labels.set(key, updated);
	emitEntity(ctx, 'wix.contacts.v4.label', 'updated', key, updated);
	return { label: updated };
}

export function deleteLabel(ctx: LabelsContext, key: string): Record<string, never> {
	const { label } = getLabel(ctx, key);
	if (label.labelType !== 'USER_DEFINED')
		throw appError(400, 'LABEL_NOT_EDITABLE', `Label ${key} is not user-defined`);
	ctx.site.labels.delete(key);
	for (const c of ctx.site.contacts.values()) {
		if (c.info?.labelKeys?.items)
			c.info.labelKeys.items = c.info.labelKeys.items.filter((k) => k !== key);
	}
	emitEntity(ctx, 'wix.contacts.v4.label', 'deleted', key);
	return {};
}
