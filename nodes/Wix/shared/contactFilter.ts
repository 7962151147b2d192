// Builds Wix contact filters from the typed options of Get Many and checks any filter against the
// fields and operators Wix supports, so a bad filter fails before a request is spent on it.
import type { IDataObject } from 'n8n-workflow';

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

const isObject = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Returns a sentence describing the first problem in `filter`, or undefined when Wix would take it.
 * `customFieldType` gives the data type of a custom field key, or undefined when it does not exist.
 */
export function findFilterProblem(filter: unknown, customFieldType: (key: string) => string | undefined): string | undefined {
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
			if (!type) return `custom field "${key.slice('info.extendedFields.'.length)}" does not exist on this site`;
			allowed = CUSTOM_FIELD_OPERATORS[type] ?? CUSTOM_FIELD_OPERATORS.TEXT;
		}
		if (!allowed) return `Wix cannot filter contacts on "${key}"`;
		const conditions = isObject(value) && Object.keys(value).some((k) => k.startsWith('$')) ? value : { $eq: value };
		for (const op of Object.keys(conditions)) {
			if (!allowed.includes(op)) return `Wix does not support ${op} on "${key}" (it supports ${allowed.join(', ')})`;
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
