/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What Wix rejects in a contact's info, and how it stores what it accepts.
import { appError, validationError, type FieldViolation } from '../core/errors';
import type { ContactsSite } from './context';
import type { ContactInfo } from './types';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PHONE_RE = /^\+?[0-9()\-.\s]{3,50}$/;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const LOCALE_RE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

const SUBDIVISION_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

const EMAIL_TAGS = ['UNTAGGED', 'MAIN', 'HOME', 'WORK'];

const PHONE_TAGS = ['UNTAGGED', 'MAIN', 'HOME', 'MOBILE', 'WORK', 'FAX'];

const ADDRESS_TAGS = ['UNTAGGED', 'HOME', 'WORK', 'BILLING', 'SHIPPING'];

const INFO_KEYS = [
	'name',
	'emails',
	'phones',
	'addresses',
	'company',
	'jobTitle',
	'birthdate',
	'locale',
	'labelKeys',
	'extendedFields',
	'picture',
	'locations',
];

function isRecord(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isValidDate(value: unknown): boolean {
	if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
	const d = new Date(`${value}T00:00:00.000Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function checkList(
	info: Record<string, any>,
	key: 'emails' | 'phones' | 'addresses',
	violations: FieldViolation[],
	each: (item: Record<string, any>, path: string) => void,
) {
	const wrapper = info[key];
	if (wrapper === undefined || wrapper === null) return;
	if (!isRecord(wrapper) || !Array.isArray(wrapper.items)) {
		violations.push({ field: `info.${key}.items`, description: 'must be a list' });
		return;
	}
	if (wrapper.items.length > 50)
		violations.push({ field: `info.${key}.items`, description: 'has more than 50 entries' });
	wrapper.items.forEach((item: unknown, n: number) => {
		const path = `info.${key}.items[${n}]`;
		if (!isRecord(item)) violations.push({ field: path, description: 'must be an object' });
		else each(item, path);
	});
	if (wrapper.items.filter((i: any) => isRecord(i) && i.primary === true).length > 1) {
		throw appError(
			400,
			'CANNOT_HAVE_MULTIPLE_PRIMARY_INFO',
			`Only one of info.${key}.items can be primary`,
		);
	}
}

/** Rejects what Wix rejects in ContactInfo. */
export function validateInfo(site: ContactsSite, info: unknown): asserts info is ContactInfo {
	if (!isRecord(info)) throw validationError([{ field: 'info', description: 'must be an object' }]);
	const v: FieldViolation[] = [];
	for (const key of Object.keys(info)) {
		if (!INFO_KEYS.includes(key))
			v.push({ field: `info.${key}`, description: 'is not a contact field' });
	}
	if (info.name !== undefined && info.name !== null) {
		if (!isRecord(info.name)) v.push({ field: 'info.name', description: 'must be an object' });
		else
			for (const part of ['first', 'last']) {
				const value = info.name[part];
				if (
					value !== undefined &&
					value !== null &&
					(typeof value !== 'string' || value.length > 1000)
				) {
					v.push({
						field: `info.name.${part}`,
						description: 'must be a string of at most 1000 characters',
					});
				}
			}
	}
	checkList(info, 'emails', v, (item, path) => {
		if (
			typeof item.email !== 'string' ||
			item.email.length > 320 ||
			!EMAIL_RE.test(item.email.trim())
		) {
			v.push({
				field: `${path}.email`,
				description: 'must be a valid email',
				data: { type: 'EMAIL' },
			});
		}
		if (item.tag !== undefined && !EMAIL_TAGS.includes(item.tag))
			v.push({ field: `${path}.tag`, description: `must be one of ${EMAIL_TAGS.join(', ')}` });
	});
	checkList(info, 'phones', v, (item, path) => {
		const phone = item.phone;
		if (
			typeof phone !== 'string' ||
			!PHONE_RE.test(phone.trim()) ||
			phone.replace(/\D/g, '').length < 3
		) {
			v.push({
				field: `${path}.phone`,
				description: 'must be a valid phone number',
				data: { type: 'PHONE' },
			});
		}
		if (item.tag !== undefined && !PHONE_TAGS.includes(item.tag))
			v.push({ field: `${path}.tag`, description: `must be one of ${PHONE_TAGS.join(', ')}` });
	});
	checkList(info, 'addresses', v, (item, path) => {
		if (item.tag !== undefined && !ADDRESS_TAGS.includes(item.tag))
			v.push({ field: `${path}.tag`, description: `must be one of ${ADDRESS_TAGS.join(', ')}` });
		const a = item.address;
		if (!isRecord(a)) {
			v.push({ field: `${path}.address`, description: 'must be an object' });
			return;
		}
		if (a.streetAddress !== undefined && a.addressLine !== undefined) {
			v.push({
				field: `${path}.address`,
				description: 'takes either streetAddress or addressLine, not both',
			});
		}
		if (
			a.subdivision !== undefined &&
			(typeof a.subdivision !== 'string' || !SUBDIVISION_RE.test(a.subdivision))
		) {
			v.push({
				field: `${path}.address.subdivision`,
				description: 'must be an ISO 3166-2 code with the country prefix, e.g. US-NY',
			});
		}
		if (
			a.country !== undefined &&
			(typeof a.country !== 'string' || !/^[A-Z]{2}$/.test(a.country))
		) {
			v.push({
				field: `${path}.address.country`,
				description: 'must be an ISO 3166-1 alpha-2 code, e.g. US',
			});
		}
	});
	for (const key of ['company', 'jobTitle']) {
		const value = info[key];
		if (
			value !== undefined &&
			value !== null &&
			(typeof value !== 'string' || value.length > 1000)
		) {
			v.push({ field: `info.${key}`, description: 'must be a string of at most 1000 characters' });
		}
	}
	if (info.birthdate !== undefined && info.birthdate !== null && !isValidDate(info.birthdate)) {
		v.push({ field: 'info.birthdate', description: 'must be a date in YYYY-MM-DD format' });
	}
	if (
		info.locale !== undefined &&
		info.locale !== null &&
		(typeof info.locale !== 'string' || !LOCALE_RE.test(info.locale))
	) {
		v.push({
			field: 'info.locale',
			description: 'must be an IETF BCP 47 language tag, e.g. en-US',
		});
	}
	if (info.labelKeys !== undefined && info.labelKeys !== null) {
		const items = isRecord(info.labelKeys) ? info.labelKeys.items : undefined;
		if (!Array.isArray(items))
			v.push({ field: 'info.labelKeys.items', description: 'must be a list of label keys' });
		else {
			if (items.length > 2000)
				v.push({ field: 'info.labelKeys.items', description: 'has more than 2000 entries' });
			items.forEach((key: unknown, n: number) => {
				if (typeof key !== 'string' || !site.labels.has(key)) {
					v.push({
						field: `info.labelKeys.items[${n}]`,
						description: `label ${JSON.stringify(key)} does not exist`,
					});
				}
			});
		}
	}
	if (v.length) throw validationError(v);
	if (info.extendedFields !== undefined && info.extendedFields !== null) {
		const items = isRecord(info.extendedFields) ? info.extendedFields.items : undefined;
		if (!isRecord(items))
			throw validationError([
				{ field: 'info.extendedFields.items', description: 'must be an object of key: value' },
			]);
		for (const [key, value] of Object.entries(items)) checkExtendedValue(site, key, value);
	}
}

function checkExtendedValue(site: ContactsSite, key: string, value: unknown) {
	const field = site.fields.get(key);
	const bad = (why: string) =>
		appError(400, 'INVALID_EXTENDED_FIELD_VALUE', `Extended field '${key}' ${why}`);
	if (!field) throw bad('does not exist; create it with Find or Create Extended Field first');
	if (field.fieldType === 'SYSTEM') throw bad('is a read-only system field');
	if (value === null) return;
	switch (field.dataType) {
		case 'NUMBER':
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw bad(`is a NUMBER field and cannot hold ${JSON.stringify(value)}`);
			break;
		case 'DATE':
			if (!isValidDate(value))
				throw bad(`is a DATE field and needs YYYY-MM-DD, got ${JSON.stringify(value)}`);
			break;
		default:
			if (typeof value !== 'string')
				throw bad(`is a ${field.dataType} field and needs a string, got ${JSON.stringify(value)}`);
	}
}

function e164(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	return phone.trim().startsWith('+') ? `+${digits}` : `+1${digits}`;
}

/** Assigns item IDs, a single primary per list, lower-cased emails and URL prefixes, as Wix stores them. */
export function normalizeInfo(site: ContactsSite, info: ContactInfo): ContactInfo {
	const out: ContactInfo = structuredClone(info);
	const primaryFirst = <T extends { primary?: boolean | null; id?: string | null }>(items: T[]) => {
		items.forEach((item) => {
			item.id = item.id || site.newId();
			item.primary = item.primary === true;
		});
		if (items.length && !items.some((i) => i.primary)) items[0].primary = true;
	};
	if (out.emails?.items) {
		out.emails.items.forEach((i) => {
			i.email = String(i.email).trim().toLowerCase();
			i.tag = i.tag ?? 'UNTAGGED';
		});
		primaryFirst(out.emails.items);
	}
	if (out.phones?.items) {
		out.phones.items.forEach((i) => {
			i.phone = String(i.phone).trim();
			i.e164Phone = e164(i.phone);
			i.tag = i.tag ?? 'UNTAGGED';
		});
		primaryFirst(out.phones.items);
	}
	if (out.addresses?.items) {
		out.addresses.items.forEach((i) => {
			i.tag = i.tag ?? 'UNTAGGED';
		});
		primaryFirst(out.addresses.items as any);
		out.addresses.items.forEach((i: any) => delete i.primary);
	}
	if (out.labelKeys?.items) out.labelKeys.items = [...new Set(out.labelKeys.items)];
	if (out.extendedFields?.items) {
		for (const [key, value] of Object.entries(out.extendedFields.items)) {
			const field = site.fields.get(key);
			if (
				field?.dataType === 'URL' &&
				typeof value === 'string' &&
				value &&
				!/^[a-z]+:\/\//i.test(value)
			) {
				out.extendedFields.items[key] = `https://${value}`;
			}
		}
	}
	return out;
}

export function hasReachableIdentity(info: ContactInfo): boolean {
	return Boolean(
		info.name?.first || info.name?.last || info.emails?.items?.length || info.phones?.items?.length,
	);
}
