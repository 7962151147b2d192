// Labels and custom (extended) fields of the site, loaded once per execution and resolved by key or
// display name, so users can write either and a run costs one list call, not one per item.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as extendedFieldsApi from '../api/extendedFields';
import * as labelsApi from '../api/labels';
import { PerExecutionCache } from '../shared/cache';
import { SYNC_REVISION_FIELD } from '../shared/echo';
import { wixApiRequest, wixApiRequestAllItems, type WixContext } from '../transport';

export interface WixLabel {
	key: string;
	displayName: string;
	labelType?: string;
}

export interface WixField {
	key: string;
	displayName: string;
	dataType?: 'TEXT' | 'NUMBER' | 'DATE' | 'URL' | string;
	fieldType?: 'SYSTEM' | 'USER_DEFINED' | string;
}

const labelCache = new PerExecutionCache(
	async (ctx: WixContext) => await wixApiRequestAllItems<WixLabel>(ctx, labelsApi.list()),
);
const fieldCache = new PerExecutionCache(
	async (ctx: WixContext) => await wixApiRequestAllItems<WixField>(ctx, extendedFieldsApi.list()),
);

export async function listLabels(ctx: WixContext): Promise<WixLabel[]> {
	return await labelCache.get(ctx);
}

export async function listFields(ctx: WixContext): Promise<WixField[]> {
	return await fieldCache.get(ctx);
}

/**
 * The key of the custom field our writes mark contacts with (shared/echo.ts), created the first
 * time it is needed. Undefined when the site will not have it (for example a key without the
 * permission to manage custom fields): writes then go unmarked and the echo check falls back to
 * this process's memory.
 */
const syncRevisionKey = new PerExecutionCache(
	async (ctx: WixContext): Promise<string | undefined> => {
		const existing = (await listFields(ctx)).find(
			(f) =>
				f.key.startsWith(SYNC_REVISION_FIELD.id) ||
				f.displayName === SYNC_REVISION_FIELD.displayName,
		);
		if (existing) return existing.key;
		try {
			const { field } = await wixApiRequest<{ field: WixField }>(
				ctx,
				extendedFieldsApi.findOrCreate(SYNC_REVISION_FIELD.displayName, 'NUMBER'),
			);
			return field.key;
		} catch (error) {
			ctx.logger.warn(
				`Wix: could not create the custom field "${SYNC_REVISION_FIELD.displayName}", so contact writes are not marked as n8n's: ${(error as Error).message}`,
			);
			return undefined;
		}
	},
);

export async function syncRevisionFieldKey(ctx: WixContext): Promise<string | undefined> {
	return await syncRevisionKey.get(ctx);
}

/** Forgets what was loaded, after this run created, renamed or deleted a label or field. */
export function forgetSchema(ctx: WixContext) {
	labelCache.forget(ctx);
	fieldCache.forget(ctx);
}

function findByKeyOrName<T extends { key: string; displayName: string }>(
	list: T[],
	wanted: string,
): T | undefined {
	const exact = list.find((x) => x.key === wanted) ?? list.find((x) => x.displayName === wanted);
	if (exact) return exact;
	const lower = wanted.toLowerCase();
	const matches = list.filter((x) => x.displayName.toLowerCase() === lower);
	return matches.length === 1 ? matches[0] : undefined;
}

/** Turns label names or keys into keys; with `createMissing`, unknown names become new labels. */
export async function resolveLabelKeys(
	ctx: IExecuteFunctions,
	namesOrKeys: string[],
	itemIndex: number,
	createMissing = false,
): Promise<string[]> {
	if (namesOrKeys.length === 0) return [];
	const labels = await listLabels(ctx);
	const keys: string[] = [];
	for (const wanted of namesOrKeys) {
		const found = findByKeyOrName(labels, wanted);
		if (found) {
			keys.push(found.key);
			continue;
		}
		if (!createMissing) {
			throw new NodeOperationError(ctx.getNode(), `Label "${wanted}" does not exist on this site`, {
				itemIndex,
				description: 'Use an existing label name or key, or turn on "Create Missing Labels".',
			});
		}
		const { label } = await wixApiRequest<{ label: WixLabel }>(
			ctx,
			labelsApi.findOrCreate(wanted),
			itemIndex,
		);
		labels.push(label);
		keys.push(label.key);
	}
	return [...new Set(keys)];
}

export async function resolveField(
	ctx: IExecuteFunctions,
	wanted: string,
	itemIndex: number,
): Promise<WixField> {
	const fields = await listFields(ctx);
	const found = findByKeyOrName(fields, wanted) ?? fields.find((f) => f.key === `custom.${wanted}`);
	if (!found) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Custom field "${wanted}" does not exist on this site`,
			{
				itemIndex,
				description:
					'Pick a field from the list, or create it first with Custom Field → Find or Create.',
			},
		);
	}
	return found;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Converts a value to what the field's data type takes, or explains why it cannot. */
export function coerceFieldValue(
	field: WixField,
	value: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
	if (value === null || value === undefined || value === '') return { ok: true, value: null };
	switch (field.dataType) {
		case 'NUMBER': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			if (typeof value === 'boolean' || !Number.isFinite(n) || String(value).trim() === '') {
				return { ok: false, reason: `is a NUMBER field and "${String(value)}" is not a number` };
			}
			return { ok: true, value: n };
		}
		case 'DATE': {
			const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
			const date = DATE_RE.test(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
			if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
				return {
					ok: false,
					reason: `is a DATE field and needs YYYY-MM-DD, got "${String(value)}"`,
				};
			}
			return { ok: true, value: text };
		}
		default:
			return { ok: true, value: typeof value === 'string' ? value : JSON.stringify(value) };
	}
}

export interface CustomFieldInput {
	field: string;
	value?: unknown;
}

/** Resolves `{field, value}` pairs (field by key or display name) into extendedFields items. */
export async function buildCustomFields(
	ctx: IExecuteFunctions,
	entries: CustomFieldInput[],
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (!entries.length) return undefined;
	const items: IDataObject = {};
	for (const entry of entries) {
		const field = await resolveField(ctx, String(entry.field), itemIndex);
		if (field.fieldType === 'SYSTEM') {
			throw new NodeOperationError(
				ctx.getNode(),
				`Custom field "${field.displayName}" (${field.key}) is a read-only system field`,
				{
					itemIndex,
					description: 'Only user-defined custom fields can be written.',
				},
			);
		}
		const coerced = coerceFieldValue(field, entry.value);
		if (!coerced.ok) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Custom field "${field.displayName}" ${coerced.reason}`,
				{
					itemIndex,
					description:
						'Give a value of the field’s type (numbers for NUMBER, YYYY-MM-DD for DATE).',
				},
			);
		}
		items[field.key] = coerced.value as IDataObject[string];
	}
	return items;
}
