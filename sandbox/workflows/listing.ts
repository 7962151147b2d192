// The legacy paging of Workflows v1 (wix-api.md 1.3): flat `limit` and `offset`, repeated
// `sort=field:asc|desc`, answered with a `pagination` block. Sorting compares strings by code
// unit, so "abc" sorts after "XYZ" as the spec says.
import { validationError } from '../core/errors';
import { asArray } from '../core/http';
import type { Pagination } from './types';

export type SortFields<T> = Record<string, (item: T) => string | undefined>;

function wholeNumber(value: unknown, field: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw validationError([{ field, description: 'must be a whole number, 0 or more' }]);
	return n;
}

function sorted<T>(items: T[], qs: Record<string, unknown>, fields: SortFields<T>): T[] {
	const specs = asArray(qs.sort).map((raw) => {
		const [field, order = 'asc'] = raw.split(':');
		const get = fields[field];
		if (!get || !['asc', 'desc'].includes(order.toLowerCase())) {
			throw validationError([
				{
					field: 'sort',
					description: `"${raw}" is not field:asc|desc with a field among ${Object.keys(fields).join(', ')}`,
				},
			]);
		}
		return { get, dir: order.toLowerCase() === 'desc' ? -1 : 1 };
	});
	if (!specs.length) return items;
	return [...items].sort((a, b) => {
		for (const { get, dir } of specs) {
			const x = get(a) ?? '';
			const y = get(b) ?? '';
			if (x !== y) return (x < y ? -1 : 1) * dir;
		}
		return 0;
	});
}

/** One page of `items` (already in default order); `defaultLimit` undefined means "all". */
export function listPage<T>(
	items: T[],
	qs: Record<string, unknown>,
	fields: SortFields<T>,
	defaultLimit?: number,
): { page: T[]; pagination: Pagination } {
	const all = sorted(items, qs, fields);
	const offset = wholeNumber(qs.offset, 'offset') ?? 0;
	const limit = wholeNumber(qs.limit, 'limit') ?? defaultLimit ?? all.length;
	const page = all.slice(offset, offset + limit);
	return { page, pagination: { offset, limit, total: all.length, count: page.length } };
}

/** A 0-based position as the API takes it: `max` is the last position it may name. */
export function readPosition(value: unknown, field: string, max: number): number | undefined {
	if (value === undefined || value === null) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0 || n > max) {
		throw validationError([
			{
				field,
				description: `must be a position from 0 to ${max}, got ${JSON.stringify(value)}`,
				violatedRule: 'OUT_OF_RANGE',
			},
		]);
	}
	return n;
}

/** Inserts at `position` (the bottom when absent), shifting what was there and below by one. */
export function insertAt(list: string[], id: string, position: number | undefined) {
	list.splice(position ?? list.length, 0, id);
}

export function removeFrom(list: string[], id: string) {
	const at = list.indexOf(id);
	if (at >= 0) list.splice(at, 1);
}

export function requireName(value: unknown, field: string): string {
	if (typeof value !== 'string' || !value.trim())
		throw validationError([{ field, description: 'is required' }]);
	return value;
}
