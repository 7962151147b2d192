// Builds Wix contact filters from the typed options of Get Many and checks any filter against the
// fields and operators Wix supports, so a bad filter fails before a request is spent on it.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeEmail, splitList } from '../shared/lists';
import { coerceFieldValue, listFields, resolveField, resolveLabelKeys } from './siteSchema';

const TEXT = ['$eq', '$ne', '$in', '$exists', '$startsWith'];
const EQ = ['$eq', '$ne', '$in', '$exists'];
const DATES = ['$eq', '$ne', '$gt', '$lt', '$gte', '$lte'];
const STATUS = ['$eq', '$ne', '$in', '$nin'];

/** Filterable contact fields and their operators, from Wix's "Sort and filter" table. */
export const FILTERABLE_CONTACT_FIELDS: Record<string, string[]> = {
	id: EQ,
	createdDate: DATES,
	updatedDate: DATES,
	'lastActivity.activityDate': DATES,
	'primaryInfo.email': TEXT,
	'primaryInfo.phone': TEXT,
	'info.name.first': TEXT,
	'info.name.last': TEXT,
	'info.emails.email': TEXT,
	'info.phones.phone': TEXT,
	'info.addresses.street': TEXT,
	'info.addresses.city': TEXT,
	'info.addresses.subdivision': EQ,
	'info.addresses.country': EQ,
	'info.locale': EQ,
	'info.company': TEXT,
	'info.jobTitle': TEXT,
	'info.birthdate': DATES,
	'info.labelKeys': ['$hasSome', '$hasAll'],
	'info.locations': ['$hasSome', '$hasAll'],
	'info.extendedFields.members.membershipStatus': STATUS,
	'info.extendedFields.emailSubscriptions.deliverabilityStatus': STATUS,
	'info.extendedFields.emailSubscriptions.subscriptionStatus': STATUS,
	'info.extendedFields.emailSubscriptions.effectiveEmail': ['$exists'],
};

export const CUSTOM_FIELD_OPERATORS: Record<string, string[]> = {
	TEXT: ['$eq', '$ne', '$in', '$startsWith'],
	URL: ['$eq', '$ne', '$in', '$startsWith'],
	NUMBER: DATES,
	DATE: DATES,
};

const isObject = (v: unknown): v is IDataObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Returns a sentence describing the first problem in `filter`, or undefined when Wix would take it.
 * `customFieldType` gives the data type of a custom field key, or undefined when it does not exist.
 */
export function findFilterProblem(
	filter: unknown,
	customFieldType: (key: string) => string | undefined,
): string | undefined {
	if (!isObject(filter)) return 'the filter must be a JSON object';
	for (const [key, value] of Object.entries(filter)) {
		if (key === '$and' || key === '$or') {
			if (!Array.isArray(value)) return `${key} takes an array of filters`;
			for (const sub of value) {
				const problem = findFilterProblem(sub, customFieldType);
				if (problem) return problem;
			}
			continue;
		}
		if (key === '$not') {
			const problem = findFilterProblem(value, customFieldType);
			if (problem) return problem;
			continue;
		}
		if (key.startsWith('$')) return `"${key}" is not a logical operator ($and, $or, $not)`;
		let allowed = FILTERABLE_CONTACT_FIELDS[key];
		if (!allowed && key.startsWith('info.extendedFields.custom.')) {
			const type = customFieldType(key.slice('info.extendedFields.'.length));
			if (!type)
				return `custom field "${key.slice('info.extendedFields.'.length)}" does not exist on this site`;
			allowed = CUSTOM_FIELD_OPERATORS[type] ?? CUSTOM_FIELD_OPERATORS.TEXT;
		}
		if (!allowed) return `Wix cannot filter contacts on "${key}"`;
		const conditions =
			isObject(value) && Object.keys(value).some((k) => k.startsWith('$')) ? value : { $eq: value };
		for (const op of Object.keys(conditions)) {
			if (!allowed.includes(op))
				return `Wix does not support ${op} on "${key}" (it supports ${allowed.join(', ')})`;
		}
	}
	return undefined;
}

/** Combines filters with $and, leaving out empty ones. */
export function andFilters(filters: IDataObject[]): IDataObject {
	const parts = filters.filter((f) => Object.keys(f).length > 0);
	if (parts.length === 0) return {};
	if (parts.length === 1) return parts[0];
	return { $and: parts };
}

/** The Filters collection of Get Many. */
export interface ContactFilters {
	createdAfter?: string;
	createdBefore?: string;
	updatedAfter?: string;
	updatedBefore?: string;
	email?: string;
	phone?: string;
	nameStartsWith?: string;
	labelsAny?: string[] | string;
	labelsAll?: string[] | string;
	subscriptionStatus?: string[];
	customFieldConditions?: { condition?: Array<{ key: string; operator: string; value: string }> };
	rawFilter?: string | IDataObject;
}

const FILTER_HINT =
	'Write the filter as a JSON object in Wix’s query language, e.g. {"info.name.first": {"$startsWith": "Ad"}}';

export function parseRawFilter(
	this: IExecuteFunctions,
	raw: string | IDataObject | undefined,
	i: number,
): IDataObject {
	if (raw === undefined || raw === '') return {};
	if (typeof raw === 'object') return raw;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Raw Filter (JSON) is not valid JSON: ${(error as Error).message}`,
			{ itemIndex: i, description: FILTER_HINT },
		);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), 'Raw Filter (JSON) must be a JSON object', {
			itemIndex: i,
			description: FILTER_HINT,
		});
	}
	return parsed as IDataObject;
}

/** A date filter as Wix wants it, or an error that names the filter and the value. */
function iso(ctx: IExecuteFunctions, value: string, filter: string, i: number): string {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `${filter} is not a date: "${value}"`, {
			itemIndex: i,
			description:
				'Give a date and time such as 2026-01-31T09:00:00Z, or pick one in the date field',
		});
	}
	return date.toISOString();
}

/** The Wix filter for the typed filters and the raw JSON filter, all combined with $and. */
export async function buildContactFilter(
	this: IExecuteFunctions,
	f: ContactFilters,
	i: number,
): Promise<IDataObject> {
	const parts: IDataObject[] = [];
	const range = (field: string, label: string, after?: string, before?: string) => {
		const cond: IDataObject = {};
		if (after) cond.$gt = iso(this, after, `${label} After`, i);
		if (before) cond.$lt = iso(this, before, `${label} Before`, i);
		if (Object.keys(cond).length) parts.push({ [field]: cond });
	};
	range('createdDate', 'Created', f.createdAfter, f.createdBefore);
	range('updatedDate', 'Updated', f.updatedAfter, f.updatedBefore);
	if (f.email) parts.push({ 'info.emails.email': normalizeEmail(f.email) });
	if (f.phone) parts.push({ 'info.phones.phone': f.phone.trim() });
	if (f.nameStartsWith) {
		parts.push({
			$or: [
				{ 'info.name.first': { $startsWith: f.nameStartsWith } },
				{ 'info.name.last': { $startsWith: f.nameStartsWith } },
			],
		});
	}
	const any = splitList(f.labelsAny);
	if (any.length)
		parts.push({ 'info.labelKeys': { $hasSome: await resolveLabelKeys(this, any, i) } });
	const all = splitList(f.labelsAll);
	if (all.length)
		parts.push({ 'info.labelKeys': { $hasAll: await resolveLabelKeys(this, all, i) } });
	if (f.subscriptionStatus?.length) {
		parts.push({
			'info.extendedFields.emailSubscriptions.subscriptionStatus': { $in: f.subscriptionStatus },
		});
	}
	for (const c of f.customFieldConditions?.condition ?? []) {
		const field = await resolveField(this, c.key, i);
		const allowed = CUSTOM_FIELD_OPERATORS[field.dataType ?? 'TEXT'] ?? CUSTOM_FIELD_OPERATORS.TEXT;
		if (!allowed.includes(c.operator)) {
			throw new NodeOperationError(
				this.getNode(),
				`Custom field "${field.displayName}" (${field.dataType}) cannot be filtered with ${c.operator}`,
				{
					itemIndex: i,
					description: `Wix supports ${allowed.join(', ')} on ${field.dataType} fields`,
				},
			);
		}
		const raw = c.operator === '$in' ? splitList(c.value) : [c.value];
		const values = raw.map((v) => {
			const coerced = coerceFieldValue(field, v);
			if (!coerced.ok) {
				throw new NodeOperationError(
					this.getNode(),
					`Custom field condition on "${field.displayName}": ${field.displayName} ${coerced.reason}`,
					{ itemIndex: i },
				);
			}
			return coerced.value;
		});
		parts.push({
			[`info.extendedFields.${field.key}`]: {
				[c.operator]: c.operator === '$in' ? values : values[0],
			} as IDataObject,
		});
	}
	const raw = parseRawFilter.call(this, f.rawFilter, i);
	if (Object.keys(raw).length) {
		const fields = await listFields(this);
		const problem = findFilterProblem(raw, (key) => fields.find((x) => x.key === key)?.dataType);
		if (problem) {
			throw new NodeOperationError(this.getNode(), `Raw Filter (JSON): ${problem}`, {
				itemIndex: i,
				description: 'See Wix’s list of filterable contact fields and operators in the node docs',
			});
		}
		parts.push(raw);
	}
	return andFilters(parts);
}
