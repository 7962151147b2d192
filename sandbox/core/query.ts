/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix's query language (wix-api.md 1.4): validation against a filterable-fields table, then evaluation.
import { appError, validationError } from './errors';

export type ValueType = 'text' | 'date' | 'number' | 'array' | 'id';

export interface FieldRule {
	ops: string[];
	type: ValueType;
	sortable?: boolean;
	/** Extracts the value(s) from a stored entity; arrays mean "any of". */
	get: (entity: any) => unknown;
}

export type FieldResolver = (field: string) => FieldRule | undefined;

const COMPARISON = new Set([
	'$eq',
	'$ne',
	'$gt',
	'$gte',
	'$lt',
	'$lte',
	'$in',
	'$nin',
	'$startsWith',
	'$isEmpty',
	'$exists',
	'$hasSome',
	'$hasAll',
]);
const LOGICAL = new Set(['$and', '$or', '$not']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const malformed = (why: string) => appError(400, 'MALFORMED_FILTER', `Malformed filter: ${why}`);

/** Throws the Wix error a real site gives for a filter it cannot run. */
export function validateFilter(filter: unknown, resolve: FieldResolver): void {
	if (filter === undefined || filter === null) return;
	if (!isPlainObject(filter)) throw malformed('the filter must be an object');
	for (const [key, value] of Object.entries(filter)) {
		if (LOGICAL.has(key)) {
			if (key === '$not') validateFilter(value, resolve);
			else {
				if (!Array.isArray(value)) throw malformed(`${key} takes an array of filters`);
				value.forEach((f) => validateFilter(f, resolve));
			}
			continue;
		}
		if (key.startsWith('$')) throw malformed(`unknown operator ${key} at the top level`);
		const rule = resolve(key);
		if (!rule) {
			throw appError(
				400,
				'UNSUPPORTED_FILTER_FIELD_UNKNOWN',
				`Field '${key}' is not declared as filterable`,
			);
		}
		const conditions =
			isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))
				? value
				: { $eq: value };
		for (const [op, operand] of Object.entries(conditions)) {
			if (!COMPARISON.has(op)) throw malformed(`unknown operator ${op} on '${key}'`);
			if (!rule.ops.includes(op)) {
				throw appError(
					400,
					'UNSUPPORTED_FILTER_OPERATOR',
					`Operator ${op} is not supported for field '${key}'`,
				);
			}
			checkOperand(key, op, operand, rule);
		}
	}
}

function checkOperand(field: string, op: string, operand: unknown, rule: FieldRule) {
	const bad = (what: string) =>
		appError(400, 'UNSUPPORTED_FILTER_VALUE_TYPE', `Operator ${op} on '${field}' expects ${what}`);
	if (op === '$exists' || op === '$isEmpty') {
		if (typeof operand !== 'boolean') throw bad('true or false');
		return;
	}
	if (['$in', '$nin', '$hasSome', '$hasAll'].includes(op)) {
		if (!Array.isArray(operand)) throw bad('an array');
		return;
	}
	if (op === '$startsWith') {
		if (typeof operand !== 'string') throw bad('a string');
		return;
	}
	if (rule.type === 'date' && ['$gt', '$gte', '$lt', '$lte', '$eq', '$ne'].includes(op)) {
		if (typeof operand !== 'string' || Number.isNaN(Date.parse(operand))) {
			throw appError(
				400,
				'UNSUPPORTED_FILTER_VALUE',
				`'${field}' needs an ISO-8601 date, got ${JSON.stringify(operand)}`,
			);
		}
	}
	if (
		rule.type === 'number' &&
		['$gt', '$gte', '$lt', '$lte'].includes(op) &&
		typeof operand !== 'number'
	) {
		throw bad('a number');
	}
}

function values(v: unknown): unknown[] {
	if (v === undefined || v === null) return [];
	return Array.isArray(v) ? v : [v];
}

function compare(a: unknown, b: unknown, type: ValueType): number {
	if (type === 'date') return Date.parse(String(a)) - Date.parse(String(b));
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b));
}

function same(a: unknown, b: unknown): boolean {
	if (typeof a === 'string' && typeof b === 'string') return a === b;
	return JSON.stringify(a) === JSON.stringify(b);
}

function test(op: string, raw: unknown, operand: unknown, type: ValueType): boolean {
	const vs = values(raw);
	switch (op) {
		case '$eq':
			if (Array.isArray(operand)) return same(raw, operand);
			return vs.some((v) => (type === 'date' ? compare(v, operand, type) === 0 : same(v, operand)));
		case '$ne':
			return !test('$eq', raw, operand, type);
		case '$gt':
			return vs.some((v) => compare(v, operand, type) > 0);
		case '$gte':
			return vs.some((v) => compare(v, operand, type) >= 0);
		case '$lt':
			return vs.some((v) => compare(v, operand, type) < 0);
		case '$lte':
			return vs.some((v) => compare(v, operand, type) <= 0);
		case '$in':
			return vs.some((v) => (operand as unknown[]).some((o) => same(v, o)));
		case '$nin':
			return !vs.some((v) => (operand as unknown[]).some((o) => same(v, o)));
		case '$startsWith':
			return vs.some(
				(v) => typeof v === 'string' && v.toLowerCase().startsWith(String(operand).toLowerCase()),
			);
		case '$exists':
			return (vs.length > 0 && vs.some((v) => v !== '')) === operand;
		case '$isEmpty':
			return (vs.length === 0 || vs.every((v) => v === '')) === operand;
		case '$hasSome':
			return (operand as unknown[]).some((o) => vs.some((v) => same(v, o)));
		case '$hasAll':
			return (operand as unknown[]).every((o) => vs.some((v) => same(v, o)));
		default:
			return false;
	}
}

/** Evaluates an already validated filter against one entity. */
export function matches(entity: unknown, filter: unknown, resolve: FieldResolver): boolean {
	if (!isPlainObject(filter)) return true;
	for (const [key, value] of Object.entries(filter)) {
		if (key === '$and' && !(value as unknown[]).every((f) => matches(entity, f, resolve)))
			return false;
		if (key === '$or' && !(value as unknown[]).some((f) => matches(entity, f, resolve)))
			return false;
		if (key === '$not' && matches(entity, value, resolve)) return false;
		if (key.startsWith('$')) continue;
		const rule = resolve(key)!;
		const raw = rule.get(entity);
		const conditions =
			isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))
				? value
				: { $eq: value };
		for (const [op, operand] of Object.entries(conditions))
			if (!test(op, raw, operand, rule.type)) return false;
	}
	return true;
}

export interface SortSpec {
	fieldName: string;
	order?: string;
}

/** Accepts Wix's array form (max one entry) and the single-object form seen in older docs. */
export function normalizeSort(sort: unknown, resolve: FieldResolver, maxEntries = 1): SortSpec[] {
	if (sort === undefined || sort === null) return [];
	const list = (Array.isArray(sort) ? sort : [sort]) as SortSpec[];
	if (list.length > maxEntries)
		throw appError(400, 'UNSUPPORTED_SORT_FIELD', `At most ${maxEntries} sort field is supported`);
	for (const s of list) {
		if (!isPlainObject(s) || typeof s.fieldName !== 'string')
			throw appError(400, 'UNSUPPORTED_SORT_FIELD', 'sort needs a fieldName');
		const rule = resolve(s.fieldName);
		if (!rule?.sortable)
			throw appError(400, 'UNSUPPORTED_SORT_FIELD', `Field '${s.fieldName}' is not sortable`);
		const order = (s.order ?? 'ASC').toUpperCase();
		if (order !== 'ASC' && order !== 'DESC')
			throw appError(400, 'UNSUPPORTED_SORT_FIELD', `Unknown sort order '${s.order}'`);
		s.order = order;
	}
	return list;
}

export function sortEntities<T>(entities: T[], sort: SortSpec[], resolve: FieldResolver): T[] {
	if (!sort.length) return entities;
	const { fieldName, order } = sort[0];
	const rule = resolve(fieldName)!;
	const dir = order === 'DESC' ? -1 : 1;
	return [...entities].sort((a, b) => {
		const va = values(rule.get(a))[0];
		const vb = values(rule.get(b))[0];
		if (va === undefined && vb === undefined) return 0;
		if (va === undefined) return 1;
		if (vb === undefined) return -1;
		return compare(va, vb, rule.type) * dir;
	});
}

export function readPaging(
	paging: unknown,
	defaults: { limit: number; max: number },
): { limit: number; offset: number } {
	const p = isPlainObject(paging) ? paging : {};
	const limit = p.limit === undefined ? defaults.limit : Number(p.limit);
	const offset = p.offset === undefined ? 0 : Number(p.offset);
	if (!Number.isInteger(limit) || limit < 0 || limit > defaults.max) {
		throw appError(
			400,
			'ILLEGAL_LIMIT',
			`paging.limit must be between 0 and ${defaults.max}, got ${String(p.limit)}`,
		);
	}
	if (!Number.isInteger(offset) || offset < 0)
		throw appError(400, 'ILLEGAL_LIMIT', `paging.offset must be 0 or more`);
	return { limit, offset };
}

/**
 * Cursors that carry the query they page through, as Wix's do: later pages send only the cursor.
 * `extra` is whatever else the query needs (a free-text search), carried along the same way.
 */
export function encodeCursor(
	offset: number,
	query: { filter?: unknown; sort?: unknown; extra?: unknown },
): string {
	return Buffer.from(
		JSON.stringify({
			o: offset,
			f: query.filter ?? null,
			s: query.sort ?? null,
			...(query.extra !== undefined ? { x: query.extra } : {}),
		}),
	).toString('base64url');
}

export function decodeCursor(cursor: unknown): {
	offset: number;
	filter: unknown;
	sort: unknown;
	extra?: unknown;
} {
	let parsed: { o?: unknown; f?: unknown; s?: unknown; x?: unknown } | undefined;
	try {
		parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
	} catch {
		parsed = undefined;
	}
	if (!parsed || !Number.isInteger(parsed.o) || (parsed.o as number) < 0)
		throw appError(400, 'INVALID_CURSOR', 'Unknown or malformed cursor');
	return {
		offset: parsed.o as number,
		filter: parsed.f ?? undefined,
		sort: parsed.s ?? undefined,
		extra: parsed.x,
	};
}

/** Offset paging over a filterable list, answered under `pagingMetadata` (labels, extended fields). */
export function queryPage<T>(
	list: T[],
	body: Record<string, any>,
	resolve: FieldResolver,
	max: number,
) {
	const query = body.query ?? {};
	validateFilter(query.filter, resolve);
	const sort = normalizeSort(query.sort, resolve);
	const paging = readPaging(query.paging, { limit: 50, max });
	const filtered = sortEntities(
		list.filter((x) => matches(x, query.filter, resolve)),
		sort,
		resolve,
	);
	const slice = filtered.slice(paging.offset, paging.offset + paging.limit);
	return {
		slice,
		pagingMetadata: {
			count: slice.length,
			offset: paging.offset,
			total: filtered.length,
			tooManyToCount: false,
		},
	};
}

const NAME_OPS = ['$eq', '$ne', '$in', '$startsWith', '$exists'];
const DATE_OPS = ['$eq', '$gt', '$lt', '$gte', '$lte'];

/** The filterable fields labels and extended fields share. */
export const namedEntityFields: Record<string, FieldRule> = {
	key: { ops: NAME_OPS, type: 'text', sortable: true, get: (e) => e.key },
	displayName: { ops: NAME_OPS, type: 'text', sortable: true, get: (e) => e.displayName },
	namespace: { ops: NAME_OPS, type: 'text', get: (e) => e.namespace },
	createdDate: { ops: DATE_OPS, type: 'date', sortable: true, get: (e) => e.createdDate },
	updatedDate: { ops: DATE_OPS, type: 'date', sortable: true, get: (e) => e.updatedDate },
};

export const resolverOf =
	(table: Record<string, FieldRule>): FieldResolver =>
	(name) =>
		table[name];

/** A display name as labels and fields take it: 1 to `max` characters, not blank. */
export function requireDisplayName(value: unknown, max: number): string {
	if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
		throw validationError([
			{ field: 'displayName', description: `is required, 1 to ${max} characters` },
		]);
	}
	return value;
}
