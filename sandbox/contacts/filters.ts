/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The filterable and sortable fields of Query Contacts (wix-api.md A.7), and the search.
import type { FieldResolver, FieldRule } from '../core/query';
import type { ExtendedFieldsState } from '../extendedFields/store';
import type { Contact } from './types';

const text = ['$eq', '$ne', '$in', '$exists', '$startsWith'];

const eqIn = ['$eq', '$ne', '$in', '$exists'];

const dates = ['$eq', '$ne', '$gt', '$lt', '$gte', '$lte'];

const items = (c: Contact, list: 'emails' | 'phones', key: 'email' | 'phone') =>
	((c.info?.[list]?.items ?? []) as any[]).map((i) => i[key]);

const CONTACT_FIELDS: Record<string, FieldRule> = {
	id: { ops: eqIn, type: 'id', get: (c: Contact) => c.id },
	createdDate: { ops: dates, type: 'date', sortable: true, get: (c: Contact) => c.createdDate },
	updatedDate: { ops: dates, type: 'date', get: (c: Contact) => c.updatedDate },
	'lastActivity.activityDate': {
		ops: dates,
		type: 'date',
		sortable: true,
		get: (c: Contact) => c.lastActivity?.activityDate,
	},
	'primaryInfo.email': {
		ops: text,
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.primaryInfo?.email,
	},
	'primaryInfo.phone': { ops: text, type: 'text', get: (c: Contact) => c.primaryInfo?.phone },
	'info.name.first': {
		ops: text,
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.info?.name?.first,
	},
	'info.name.last': {
		ops: text,
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.info?.name?.last,
	},
	'info.emails.email': {
		ops: text,
		type: 'text',
		get: (c: Contact) => items(c, 'emails', 'email'),
	},
	'info.phones.phone': {
		ops: text,
		type: 'text',
		get: (c: Contact) => items(c, 'phones', 'phone'),
	},
	'info.addresses.street': {
		ops: text,
		type: 'text',
		get: (c: Contact) =>
			(c.info?.addresses?.items ?? []).map(
				(a: any) => a.address?.addressLine ?? a.address?.streetAddress?.name,
			),
	},
	'info.addresses.city': {
		ops: text,
		type: 'text',
		get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.city),
	},
	'info.addresses.subdivision': {
		ops: eqIn,
		type: 'text',
		get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.subdivision),
	},
	'info.addresses.country': {
		ops: eqIn,
		type: 'text',
		get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.country),
	},
	'info.locale': { ops: eqIn, type: 'text', get: (c: Contact) => c.info?.locale },
	'info.company': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.info?.company },
	'info.jobTitle': {
		ops: text,
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.info?.jobTitle,
	},
	'info.birthdate': {
		ops: dates,
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.info?.birthdate,
	},
	'info.labelKeys': {
		ops: ['$hasSome', '$hasAll'],
		type: 'array',
		get: (c: Contact) => c.info?.labelKeys?.items ?? [],
	},
	'info.locations': { ops: ['$hasSome', '$hasAll'], type: 'array', get: () => [] },
	'info.extendedFields.members.membershipStatus': {
		ops: ['$eq', '$ne', '$in', '$nin'],
		type: 'text',
		get: (c: Contact) => c.info?.extendedFields?.items?.['members.membershipStatus'],
	},
	'info.extendedFields.emailSubscriptions.deliverabilityStatus': {
		ops: ['$eq', '$ne', '$in', '$nin'],
		type: 'text',
		get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.deliverabilityStatus'],
	},
	'info.extendedFields.emailSubscriptions.subscriptionStatus': {
		ops: ['$eq', '$ne', '$in', '$nin'],
		type: 'text',
		get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.subscriptionStatus'],
	},
	'info.extendedFields.emailSubscriptions.effectiveEmail': {
		ops: ['$exists'],
		type: 'text',
		sortable: true,
		get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.effectiveEmail'],
	},
};

export function contactFieldResolver(site: ExtendedFieldsState): FieldResolver {
	return (name) => {
		if (CONTACT_FIELDS[name]) return CONTACT_FIELDS[name];
		const prefix = 'info.extendedFields.';
		if (!name.startsWith(`${prefix}custom.`)) return undefined;
		const key = name.slice(prefix.length);
		const field = site.fields.get(key);
		if (!field) return undefined;
		const numeric = field.dataType === 'NUMBER' || field.dataType === 'DATE';
		return {
			ops: numeric ? dates : ['$eq', '$ne', '$in', '$startsWith'],
			type: field.dataType === 'NUMBER' ? 'number' : field.dataType === 'DATE' ? 'text' : 'text',
			sortable: true,
			get: (c: Contact) => c.info?.extendedFields?.items?.[key],
		};
	};
}

export function searchMatches(contact: Contact, search: string): boolean {
	const needle = search.trim().toLowerCase();
	const hay = [
		contact.info?.name?.first,
		contact.info?.name?.last,
		...items(contact, 'emails', 'email'),
		...items(contact, 'phones', 'phone'),
	];
	return hay.some((h) => typeof h === 'string' && h.toLowerCase().startsWith(needle));
}
