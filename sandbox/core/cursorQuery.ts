// Query and search over cursor paging (Pipelines and Cards, Loyalty accounts and transactions): the
// fields each may filter and sort on (and in which direction) come from the SDK's QuerySpec/SearchSpec tables.
import { appError } from './errors';
import {
	decodeCursor,
	encodeCursor,
	matches,
	normalizeSort,
	validateFilter,
	type FieldRule,
	type SortSpec,
	type ValueType,
} from './query';

export interface QueryField extends FieldRule {
	/** The directions the field sorts in; absent means it cannot be sorted on. */
	orders?: Array<'ASC' | 'DESC'>;
}

export function field<T>(
	type: ValueType,
	ops: string[],
	get: (entity: T) => unknown,
	orders?: Array<'ASC' | 'DESC'>,
): QueryField {
	return { type, ops, get, orders, sortable: Boolean(orders?.length) };
}

export const ID_OPS = ['$eq', '$in', '$ne', '$nin'];
export const DATE_OPS = ['$eq', '$gt', '$gte', '$lt', '$lte', '$ne'];

export interface CursorQueryInput {
	filter?: unknown;
	sort?: unknown;
	cursorPaging?: { limit?: unknown; cursor?: unknown };
}

function compare(a: unknown, b: unknown, type: ValueType): number {
	if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
	if (b === undefined || b === null) return -1;
	if (type === 'date') return Date.parse(String(a)) - Date.parse(String(b));
	if (type === 'number') return Number(a) - Number(b);
	return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Validated sort specs, each in a direction its field allows; `fallback` when none is given. */
function readSort(
	sort: unknown,
	fields: Record<string, QueryField>,
	maxSort: number,
	fallback: SortSpec[],
): SortSpec[] {
	const specs = normalizeSort(sort, (name) => fields[name], maxSort);
	for (const spec of specs) {
		if (!fields[spec.fieldName].orders!.includes(spec.order as 'ASC' | 'DESC')) {
			throw appError(
				400,
				'UNSUPPORTED_SORT_FIELD',
				`Field '${spec.fieldName}' cannot be sorted ${spec.order}`,
			);
		}
	}
	return specs.length ? specs : fallback;
}

function sortBy<T>(list: T[], specs: SortSpec[], fields: Record<string, QueryField>): T[] {
	return [...list].sort((a, b) => {
		for (const { fieldName, order } of specs) {
			const rule = fields[fieldName];
			const c = compare(rule.get(a), rule.get(b), rule.type);
			if (c) return order === 'DESC' ? -c : c;
		}
		return 0;
	});
}

/**
 * Filters, sorts and pages `all`. A cursor carries its query, so a later page sends only the
 * cursor and anything sent beside it is ignored [INFER], as for loyalty accounts.
 */
export function cursorQuery<T>(
	all: T[],
	given: CursorQueryInput | undefined,
	fields: Record<string, QueryField>,
	options: {
		maxSort: number;
		defaultSort: SortSpec[];
		also?: (item: T) => boolean;
		/** A free-text search the first page was asked for; later pages take it from the cursor. */
		search?: unknown;
		matchSearch?: (item: T, search: unknown) => boolean;
	},
): { items: T[]; pagingMetadata: Record<string, unknown> } {
	const input = given ?? {};
	const cursor = input.cursorPaging?.cursor ? decodeCursor(input.cursorPaging.cursor) : undefined;
	const query = cursor
		? { filter: cursor.filter, sort: cursor.sort, extra: cursor.extra }
		: { filter: input.filter, sort: input.sort, extra: options.search };
	validateFilter(query.filter, (name) => fields[name]);
	const specs = readSort(query.sort, fields, options.maxSort, options.defaultSort);
	const rawLimit = input.cursorPaging?.limit;
	const limit = rawLimit === undefined || rawLimit === null ? 50 : Number(rawLimit);
	if (!Number.isInteger(limit) || limit < 0 || limit > 100)
		throw appError(400, 'ILLEGAL_LIMIT', 'cursorPaging.limit must be 0 to 100');
	const list = sortBy(
		all.filter(
			(item) =>
				matches(item, query.filter, (name) => fields[name]) &&
				(options.also?.(item) ?? true) &&
				(query.extra === undefined || (options.matchSearch?.(item, query.extra) ?? true)),
		),
		specs,
		fields,
	);
	const start = cursor?.offset ?? 0;
	const items = list.slice(start, start + limit);
	const hasNext = start + limit < list.length;
	return {
		items,
		pagingMetadata: {
			count: items.length,
			hasNext,
			cursors: {
				next: hasNext ? encodeCursor(start + limit, query) : null,
				prev: start > 0 ? encodeCursor(Math.max(0, start - limit), query) : null,
			},
		},
	};
}
