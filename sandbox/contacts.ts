// Contacts v4 (wix-api.md A): create, get, update, delete, list, query, merge, label, unlabel.
import { appError, notFound, validationError, type FieldViolation } from './errors';
import { asArray } from './http';
import { matches, normalizeSort, readPaging, sortEntities, validateFilter, type FieldResolver, type FieldRule } from './query';
import type { SiteState } from './state';
import type {
	Contact,
	ContactInfo,
	CreateContactResponse,
	GetContactResponse,
	LabelContactResponse,
	ListContactsResponse,
	MergeContactsResponse,
	QueryContactsResponse,
	UpdateContactResponse,
} from './types';

export type EmitEvent = (event: {
	entityFqdn: string;
	slug: string;
	entityId: string;
	body: Record<string, unknown>;
	originatedFrom?: string;
}) => void;

export interface ContactsContext {
	site: SiteState;
	emit: EmitEvent;
	/** Who is calling, for `source` on new contacts. */
	caller: { kind: 'apiKey' } | { kind: 'app'; appId: string };
	/** Runs the Wix Automations listening to this trigger (absent where none can run, e.g. seeding). */
	fire?: (triggerKey: string, payload: Record<string, unknown>) => void;
}

function contactPayload(contact: Contact) {
	return {
		contactId: contact.id,
		contact: {
			id: contact.id,
			name: { first: contact.info?.name?.first ?? '', last: contact.info?.name?.last ?? '' },
			email: contact.primaryInfo?.email ?? '',
			phone: contact.primaryInfo?.phone ?? '',
			labelKeys: contact.info?.labelKeys?.items ?? [],
		},
	};
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9()\-.\s]{3,50}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCALE_RE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const SUBDIVISION_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const EMAIL_TAGS = ['UNTAGGED', 'MAIN', 'HOME', 'WORK'];
const PHONE_TAGS = ['UNTAGGED', 'MAIN', 'HOME', 'MOBILE', 'WORK', 'FAX'];
const ADDRESS_TAGS = ['UNTAGGED', 'HOME', 'WORK', 'BILLING', 'SHIPPING'];
const INFO_KEYS = ['name', 'emails', 'phones', 'addresses', 'company', 'jobTitle', 'birthdate', 'locale', 'labelKeys', 'extendedFields', 'picture', 'locations'];

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
	if (wrapper.items.length > 50) violations.push({ field: `info.${key}.items`, description: 'has more than 50 entries' });
	wrapper.items.forEach((item: unknown, n: number) => {
		const path = `info.${key}.items[${n}]`;
		if (!isRecord(item)) violations.push({ field: path, description: 'must be an object' });
		else each(item, path);
	});
	if (wrapper.items.filter((i: any) => isRecord(i) && i.primary === true).length > 1) {
		throw appError(400, 'CANNOT_HAVE_MULTIPLE_PRIMARY_INFO', `Only one of info.${key}.items can be primary`);
	}
}

/** Rejects what Wix rejects in ContactInfo. */
export function validateInfo(site: SiteState, info: unknown): asserts info is ContactInfo {
	if (!isRecord(info)) throw validationError([{ field: 'info', description: 'must be an object' }]);
	const v: FieldViolation[] = [];
	for (const key of Object.keys(info)) {
		if (!INFO_KEYS.includes(key)) v.push({ field: `info.${key}`, description: 'is not a contact field' });
	}
	if (info.name !== undefined && info.name !== null) {
		if (!isRecord(info.name)) v.push({ field: 'info.name', description: 'must be an object' });
		else
			for (const part of ['first', 'last']) {
				const value = info.name[part];
				if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 1000)) {
					v.push({ field: `info.name.${part}`, description: 'must be a string of at most 1000 characters' });
				}
			}
	}
	checkList(info, 'emails', v, (item, path) => {
		if (typeof item.email !== 'string' || item.email.length > 320 || !EMAIL_RE.test(item.email.trim())) {
			v.push({ field: `${path}.email`, description: 'must be a valid email', data: { type: 'EMAIL' } });
		}
		if (item.tag !== undefined && !EMAIL_TAGS.includes(item.tag)) v.push({ field: `${path}.tag`, description: `must be one of ${EMAIL_TAGS.join(', ')}` });
	});
	checkList(info, 'phones', v, (item, path) => {
		const phone = item.phone;
		if (typeof phone !== 'string' || !PHONE_RE.test(phone.trim()) || phone.replace(/\D/g, '').length < 3) {
			v.push({ field: `${path}.phone`, description: 'must be a valid phone number', data: { type: 'PHONE' } });
		}
		if (item.tag !== undefined && !PHONE_TAGS.includes(item.tag)) v.push({ field: `${path}.tag`, description: `must be one of ${PHONE_TAGS.join(', ')}` });
	});
	checkList(info, 'addresses', v, (item, path) => {
		if (item.tag !== undefined && !ADDRESS_TAGS.includes(item.tag)) v.push({ field: `${path}.tag`, description: `must be one of ${ADDRESS_TAGS.join(', ')}` });
		const a = item.address;
		if (!isRecord(a)) {
			v.push({ field: `${path}.address`, description: 'must be an object' });
			return;
		}
		if (a.streetAddress !== undefined && a.addressLine !== undefined) {
			v.push({ field: `${path}.address`, description: 'takes either streetAddress or addressLine, not both' });
		}
		if (a.subdivision !== undefined && (typeof a.subdivision !== 'string' || !SUBDIVISION_RE.test(a.subdivision))) {
			v.push({ field: `${path}.address.subdivision`, description: 'must be an ISO 3166-2 code with the country prefix, e.g. US-NY' });
		}
		if (a.country !== undefined && (typeof a.country !== 'string' || !/^[A-Z]{2}$/.test(a.country))) {
			v.push({ field: `${path}.address.country`, description: 'must be an ISO 3166-1 alpha-2 code, e.g. US' });
		}
	});
	for (const key of ['company', 'jobTitle']) {
		const value = info[key];
		if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 1000)) {
			v.push({ field: `info.${key}`, description: 'must be a string of at most 1000 characters' });
		}
	}
	if (info.birthdate !== undefined && info.birthdate !== null && !isValidDate(info.birthdate)) {
		v.push({ field: 'info.birthdate', description: 'must be a date in YYYY-MM-DD format' });
	}
	if (info.locale !== undefined && info.locale !== null && (typeof info.locale !== 'string' || !LOCALE_RE.test(info.locale))) {
		v.push({ field: 'info.locale', description: 'must be an IETF BCP 47 language tag, e.g. en-US' });
	}
	if (info.labelKeys !== undefined && info.labelKeys !== null) {
		const items = isRecord(info.labelKeys) ? info.labelKeys.items : undefined;
		if (!Array.isArray(items)) v.push({ field: 'info.labelKeys.items', description: 'must be a list of label keys' });
		else {
			if (items.length > 2000) v.push({ field: 'info.labelKeys.items', description: 'has more than 2000 entries' });
			items.forEach((key: unknown, n: number) => {
				if (typeof key !== 'string' || !site.labels.has(key)) {
					v.push({ field: `info.labelKeys.items[${n}]`, description: `label ${JSON.stringify(key)} does not exist` });
				}
			});
		}
	}
	if (v.length) throw validationError(v);
	if (info.extendedFields !== undefined && info.extendedFields !== null) {
		const items = isRecord(info.extendedFields) ? info.extendedFields.items : undefined;
		if (!isRecord(items)) throw validationError([{ field: 'info.extendedFields.items', description: 'must be an object of key: value' }]);
		for (const [key, value] of Object.entries(items)) checkExtendedValue(site, key, value);
	}
}

function checkExtendedValue(site: SiteState, key: string, value: unknown) {
	const field = site.fields.get(key);
	const bad = (why: string) => appError(400, 'INVALID_EXTENDED_FIELD_VALUE', `Extended field '${key}' ${why}`);
	if (!field) throw bad('does not exist; create it with Find or Create Extended Field first');
	if (field.fieldType === 'SYSTEM') throw bad('is a read-only system field');
	if (value === null) return;
	switch (field.dataType) {
		case 'NUMBER':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(`is a NUMBER field and cannot hold ${JSON.stringify(value)}`);
			break;
		case 'DATE':
			if (!isValidDate(value)) throw bad(`is a DATE field and needs YYYY-MM-DD, got ${JSON.stringify(value)}`);
			break;
		default:
			if (typeof value !== 'string') throw bad(`is a ${field.dataType} field and needs a string, got ${JSON.stringify(value)}`);
	}
}

function e164(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	return phone.trim().startsWith('+') ? `+${digits}` : `+1${digits}`;
}

/** Assigns item IDs, a single primary per list, lower-cased emails and URL prefixes, as Wix stores them. */
function normalizeInfo(site: SiteState, info: ContactInfo): ContactInfo {
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
			if (field?.dataType === 'URL' && typeof value === 'string' && value && !/^[a-z]+:\/\//i.test(value)) {
				out.extendedFields.items[key] = `https://${value}`;
			}
		}
	}
	return out;
}

function hasReachableIdentity(info: ContactInfo): boolean {
	return Boolean(info.name?.first || info.name?.last || info.emails?.items?.length || info.phones?.items?.length);
}

/** Recomputes everything Wix derives: primary info, subscription fields, display names. */
function derive(site: SiteState, contact: Contact): Contact {
	const info = contact.info ?? {};
	const email = info.emails?.items?.find((i) => i.primary);
	const phone = info.phones?.items?.find((i) => i.primary);
	const ext: Record<string, unknown> = { ...(info.extendedFields?.items ?? {}) };
	for (const [k, value] of Object.entries(ext)) if (value === null || value === '') delete ext[k];
	const first = info.name?.first ?? '';
	const last = info.name?.last ?? '';
	if (first || last) {
		ext['contacts.displayByFirstName'] = [first, last].filter(Boolean).join(' ');
		ext['contacts.displayByLastName'] = [last, first].filter(Boolean).join(' ');
	} else {
		delete ext['contacts.displayByFirstName'];
		delete ext['contacts.displayByLastName'];
	}
	if (email) {
		const subscription = site.subscriptions.get(String(email.email));
		ext['emailSubscriptions.effectiveEmail'] = email.email;
		ext['emailSubscriptions.subscriptionStatus'] = subscription?.subscriptionStatus ?? 'NOT_SET';
		if (subscription?.deliverabilityStatus && subscription.deliverabilityStatus !== 'NOT_SET') {
			ext['emailSubscriptions.deliverabilityStatus'] = subscription.deliverabilityStatus;
		}
	} else {
		delete ext['emailSubscriptions.effectiveEmail'];
		delete ext['emailSubscriptions.subscriptionStatus'];
	}
	if (site.memberContactIds.has(contact.id!)) ext['members.membershipStatus'] = 'APPROVED';
	contact.info = { ...info, extendedFields: { items: ext } };
	if (!contact.info.labelKeys) contact.info.labelKeys = { items: [] };
	contact.primaryInfo = { email: email?.email ?? undefined, phone: phone?.phone ?? undefined };
	contact.primaryEmail = email
		? {
				email: email.email,
				subscriptionStatus: (ext['emailSubscriptions.subscriptionStatus'] as any) ?? 'NOT_SET',
				deliverabilityStatus: (ext['emailSubscriptions.deliverabilityStatus'] as any) ?? 'NOT_SET',
			}
		: undefined;
	contact.primaryPhone = phone
		? { phone: phone.phone, e164Phone: phone.e164Phone, countryCode: phone.countryCode, subscriptionStatus: 'NOT_SET' }
		: undefined;
	return contact;
}

function findDuplicate(site: SiteState, info: ContactInfo, exceptId?: string) {
	const email = info.emails?.items?.find((i) => i.primary)?.email;
	const phone = info.phones?.items?.find((i) => i.primary)?.e164Phone;
	for (const c of site.contacts.values()) {
		if (c.id === exceptId) continue;
		if (email) {
			if (c.info?.emails?.items?.some((i) => i.email === email)) return { duplicateContactId: c.id, duplicateEmail: email };
		} else if (phone && c.info?.phones?.items?.some((i) => i.e164Phone === phone)) {
			return { duplicateContactId: c.id, duplicatePhone: phone };
		}
	}
	return undefined;
}

function duplicateError(data: Record<string, unknown>) {
	return appError(409, 'DUPLICATE_CONTACT_EXISTS', 'Duplicate contact already exists', data);
}

const FIELDSETS: Record<string, string[]> = {
	BASIC: ['primaryInfo', 'info.name'],
	COMMUNICATION_DETAILS: ['primaryInfo', 'info.name', 'info.emails', 'info.phones', 'info.addresses'],
	EXTENDED: ['primaryInfo', 'info.name', 'info.extendedFields'],
};
const PROJECTABLE = new Set(['source', 'createdDate', 'updatedDate', 'lastActivity', 'primaryInfo', 'info.name', 'info.emails', 'info.phones', 'info.addresses', 'info.company', 'info.jobTitle', 'info.picture', 'info.birthdate', 'info.locale', 'info.labelKeys', 'info.locations', 'info.extendedFields']);

/** Applies `fieldsets` and `fields` (their union); FULL, or neither given, returns everything. */
export function project(contact: Contact, fieldsets: string[], fields: string[]): Contact {
	for (const fs of fieldsets) {
		if (fs !== 'FULL' && !FIELDSETS[fs]) throw validationError([{ field: 'fieldsets', description: `unknown fieldset ${fs}` }]);
	}
	for (const f of fields) {
		if (!PROJECTABLE.has(f)) throw validationError([{ field: 'fields', description: `cannot project ${f}` }]);
	}
	if ((fieldsets.length === 0 && fields.length === 0) || fieldsets.includes('FULL')) return structuredClone(contact);
	const wanted = new Set([...fieldsets.flatMap((fs) => FIELDSETS[fs]), ...fields]);
	const out: Record<string, any> = { id: contact.id, revision: contact.revision };
	const info: Record<string, any> = {};
	for (const path of wanted) {
		if (path.startsWith('info.')) {
			const key = path.slice(5);
			const value = (contact.info as Record<string, unknown>)?.[key];
			if (value !== undefined) info[key] = structuredClone(value);
		} else {
			const value = (contact as Record<string, unknown>)[path];
			if (value !== undefined) out[path] = structuredClone(value);
		}
	}
	if (Object.keys(info).length) out.info = info;
	return out as Contact;
}

const text = ['$eq', '$ne', '$in', '$exists', '$startsWith'];
const eqIn = ['$eq', '$ne', '$in', '$exists'];
const dates = ['$eq', '$ne', '$gt', '$lt', '$gte', '$lte'];
const items = (c: Contact, list: 'emails' | 'phones', key: 'email' | 'phone') =>
	((c.info?.[list]?.items ?? []) as any[]).map((i) => i[key]);

const CONTACT_FIELDS: Record<string, FieldRule> = {
	id: { ops: eqIn, type: 'id', get: (c: Contact) => c.id },
	createdDate: { ops: dates, type: 'date', sortable: true, get: (c: Contact) => c.createdDate },
	updatedDate: { ops: dates, type: 'date', get: (c: Contact) => c.updatedDate },
	'lastActivity.activityDate': { ops: dates, type: 'date', sortable: true, get: (c: Contact) => c.lastActivity?.activityDate },
	'primaryInfo.email': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.primaryInfo?.email },
	'primaryInfo.phone': { ops: text, type: 'text', get: (c: Contact) => c.primaryInfo?.phone },
	'info.name.first': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.info?.name?.first },
	'info.name.last': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.info?.name?.last },
	'info.emails.email': { ops: text, type: 'text', get: (c: Contact) => items(c, 'emails', 'email') },
	'info.phones.phone': { ops: text, type: 'text', get: (c: Contact) => items(c, 'phones', 'phone') },
	'info.addresses.street': { ops: text, type: 'text', get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a: any) => a.address?.addressLine ?? a.address?.streetAddress?.name) },
	'info.addresses.city': { ops: text, type: 'text', get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.city) },
	'info.addresses.subdivision': { ops: eqIn, type: 'text', get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.subdivision) },
	'info.addresses.country': { ops: eqIn, type: 'text', get: (c: Contact) => (c.info?.addresses?.items ?? []).map((a) => a.address?.country) },
	'info.locale': { ops: eqIn, type: 'text', get: (c: Contact) => c.info?.locale },
	'info.company': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.info?.company },
	'info.jobTitle': { ops: text, type: 'text', sortable: true, get: (c: Contact) => c.info?.jobTitle },
	'info.birthdate': { ops: dates, type: 'text', sortable: true, get: (c: Contact) => c.info?.birthdate },
	'info.labelKeys': { ops: ['$hasSome', '$hasAll'], type: 'array', get: (c: Contact) => c.info?.labelKeys?.items ?? [] },
	'info.locations': { ops: ['$hasSome', '$hasAll'], type: 'array', get: () => [] },
	'info.extendedFields.members.membershipStatus': { ops: ['$eq', '$ne', '$in', '$nin'], type: 'text', get: (c: Contact) => c.info?.extendedFields?.items?.['members.membershipStatus'] },
	'info.extendedFields.emailSubscriptions.deliverabilityStatus': { ops: ['$eq', '$ne', '$in', '$nin'], type: 'text', get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.deliverabilityStatus'] },
	'info.extendedFields.emailSubscriptions.subscriptionStatus': { ops: ['$eq', '$ne', '$in', '$nin'], type: 'text', get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.subscriptionStatus'] },
	'info.extendedFields.emailSubscriptions.effectiveEmail': { ops: ['$exists'], type: 'text', sortable: true, get: (c: Contact) => c.info?.extendedFields?.items?.['emailSubscriptions.effectiveEmail'] },
};

export function contactFieldResolver(site: SiteState): FieldResolver {
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

/** A subscription change shows on every contact whose primary email it is (a contact update). */
export function refreshContactsForEmail(ctx: ContactsContext, email: string) {
	for (const contact of [...ctx.site.contacts.values()]) {
		if (contact.primaryInfo?.email !== email) continue;
		const before = JSON.stringify(contact.info?.extendedFields);
		derive(ctx.site, contact);
		if (JSON.stringify(contact.info?.extendedFields) === before) continue;
		store(ctx, { ...contact, revision: contact.revision! + 1, updatedDate: ctx.site.now() }, 'updated');
	}
}

function getStored(site: SiteState, id: string): Contact {
	const contact = site.contacts.get(id);
	if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${id}`);
	return contact;
}

function store(ctx: ContactsContext, contact: Contact, slug: 'created' | 'updated', originatedFrom?: string) {
	derive(ctx.site, contact);
	ctx.site.contacts.set(contact.id!, contact);
	ctx.emit({
		entityFqdn: 'wix.contacts.v4.contact',
		slug,
		entityId: contact.id!,
		body: slug === 'created' ? { createdEvent: { entity: structuredClone(contact) } } : { updatedEvent: { currentEntity: structuredClone(contact) } },
		originatedFrom,
	});
}

export function createContact(ctx: ContactsContext, body: Record<string, any>): CreateContactResponse {
	if (body.info === undefined) throw validationError([{ field: 'info', description: 'is required' }]);
	validateInfo(ctx.site, body.info);
	const info = normalizeInfo(ctx.site, body.info);
	if (!hasReachableIdentity(info)) {
		throw appError(400, 'INSUFFICIENT_CONTACT_DATA', 'A contact needs at least a name, an email or a phone');
	}
	if (body.allowDuplicates !== true) {
		const duplicate = findDuplicate(ctx.site, info);
		if (duplicate) throw duplicateError(duplicate);
	}
	const now = ctx.site.now();
	const contact: Contact = {
		id: ctx.site.newId(),
		revision: 1,
		source: ctx.caller.kind === 'app' ? { sourceType: 'WIX_APP', appId: ctx.caller.appId } : { sourceType: 'OTHER' },
		createdDate: now,
		updatedDate: now,
		lastActivity: { activityDate: now, activityType: 'CONTACT_CREATED' },
		info,
	};
	store(ctx, contact, 'created');
	ctx.fire?.('contacts-new_contact_was_created', contactPayload(contact));
	return { contact: structuredClone(contact) };
}

export function getContact(ctx: ContactsContext, id: string, qs: Record<string, unknown>): GetContactResponse {
	let responseType: 'REGULAR' | 'MERGED' = 'REGULAR';
	let contact = ctx.site.contacts.get(id);
	if (!contact && ctx.site.mergedInto.has(id)) {
		let target = ctx.site.mergedInto.get(id)!;
		while (ctx.site.mergedInto.has(target)) target = ctx.site.mergedInto.get(target)!;
		contact = ctx.site.contacts.get(target);
		responseType = 'MERGED';
	}
	if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${id}`);
	return { contact: project(contact, asArray(qs.fieldsets), asArray(qs.fields)), responseType };
}

export function updateContact(ctx: ContactsContext, id: string, body: Record<string, any>): UpdateContactResponse {
	const current = getStored(ctx.site, id);
	if (body.revision === undefined || body.revision === null) {
		throw validationError([{ field: 'revision', description: 'is required' }]);
	}
	if (body.info === undefined) throw validationError([{ field: 'info', description: 'is required' }]);
	if (Number(body.revision) !== current.revision) {
		throw appError(409, 'CONTACT_ALREADY_CHANGED', 'Contact has been updated since the requested revision.', {
			currentRevision: current.revision,
		});
	}
	validateInfo(ctx.site, body.info);
	if (Object.keys(body.info).length === 0) {
		throw appError(400, 'INSUFFICIENT_UPDATE_CONTACT_DATA', 'info has no fields to update');
	}
	const patch = normalizeInfo(ctx.site, body.info);
	const merged: ContactInfo = { ...structuredClone(current.info), ...patch };
	if (patch.extendedFields) {
		merged.extendedFields = { items: { ...(current.info?.extendedFields?.items ?? {}), ...patch.extendedFields.items } };
	}
	const oldEmail = current.primaryInfo?.email;
	const newEmail = merged.emails?.items?.find((i) => i.primary)?.email;
	if (ctx.site.memberContactIds.has(id) && patch.emails && oldEmail !== newEmail) {
		throw appError(400, 'CANNOT_UPDATE_MEMBER_EMAIL', 'The primary email of a site member cannot be changed here; use the Members API');
	}
	if (!hasReachableIdentity(merged)) {
		throw appError(400, 'INSUFFICIENT_CONTACT_DATA', 'A contact needs at least a name, an email or a phone');
	}
	if (body.allowDuplicates !== true && (patch.emails || patch.phones)) {
		const duplicate = findDuplicate(ctx.site, merged, id);
		if (duplicate) throw duplicateError(duplicate);
	}
	const updated: Contact = { ...structuredClone(current), info: merged, revision: current.revision! + 1, updatedDate: ctx.site.now() };
	store(ctx, updated, 'updated');
	return { contact: structuredClone(updated) };
}

export function deleteContact(ctx: ContactsContext, id: string): Record<string, never> {
	getStored(ctx.site, id);
	if (ctx.site.ownerContactIds.has(id)) {
		throw appError(428, 'CANNOT_DELETE_MEMBER_OWNER_OR_CONTRIBUTOR', 'The site owner or a contributor cannot be deleted');
	}
	if (ctx.site.memberContactIds.has(id)) {
		throw appError(428, 'CANNOT_DELETE_MEMBER', 'This contact is a site member; delete the member first');
	}
	if (ctx.site.billingContactIds.has(id)) {
		throw appError(428, 'CANNOT_DELETE_CONTACT_WITH_BILLING_SUBSCRIPTION', 'This contact has a valid billing subscription');
	}
	removeContact(ctx, id);
	return {};
}

function removeContact(ctx: ContactsContext, id: string, originatedFrom?: string) {
	ctx.site.contacts.delete(id);
	ctx.emit({ entityFqdn: 'wix.contacts.v4.contact', slug: 'deleted', entityId: id, body: { deletedEvent: {} }, originatedFrom });
}

function searchMatches(contact: Contact, search: string): boolean {
	const needle = search.trim().toLowerCase();
	const hay = [contact.info?.name?.first, contact.info?.name?.last, ...items(contact, 'emails', 'email'), ...items(contact, 'phones', 'phone')];
	return hay.some((h) => typeof h === 'string' && h.toLowerCase().startsWith(needle));
}

function page(site: SiteState, list: Contact[], paging: { limit: number; offset: number }) {
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return {
		slice,
		pagingMetadata: { count: slice.length, offset: paging.offset, total: list.length, tooManyToCount: false },
	};
}

export function listContacts(ctx: ContactsContext, qs: Record<string, any>): ListContactsResponse {
	const resolve = contactFieldResolver(ctx.site);
	const sort = qs.sort?.fieldName ? normalizeSort({ fieldName: qs.sort.fieldName, order: qs.sort.order }, resolve) : [{ fieldName: 'createdDate', order: 'DESC' }];
	const paging = readPaging(qs.paging, { limit: 50, max: 1000 });
	const all = sortEntities([...ctx.site.contacts.values()], sort, resolve);
	const { slice, pagingMetadata } = page(ctx.site, all, paging);
	return { contacts: slice.map((c) => project(c, asArray(qs.fieldsets), asArray(qs.fields))), pagingMetadata };
}

export function queryContacts(ctx: ContactsContext, body: Record<string, any>): QueryContactsResponse {
	const query = body.query ?? {};
	if (typeof query !== 'object' || Array.isArray(query)) throw validationError([{ field: 'query', description: 'must be an object' }]);
	const resolve = contactFieldResolver(ctx.site);
	validateFilter(query.filter, resolve);
	const sort = query.sort === undefined || (Array.isArray(query.sort) && query.sort.length === 0) ? [{ fieldName: 'createdDate', order: 'DESC' }] : normalizeSort(query.sort, resolve);
	const paging = readPaging(query.paging, { limit: 50, max: 1000 });
	if (body.search !== undefined && (typeof body.search !== 'string' || body.search.length > 100)) {
		throw validationError([{ field: 'search', description: 'must be a string of at most 100 characters' }]);
	}
	let list = [...ctx.site.contacts.values()].filter((c) => matches(c, query.filter, resolve));
	if (body.search) list = list.filter((c) => searchMatches(c, body.search));
	list = sortEntities(list, sort, resolve);
	const { slice, pagingMetadata } = page(ctx.site, list, paging);
	return { contacts: slice.map((c) => project(c, asArray(query.fieldsets), asArray(query.fields))), pagingMetadata };
}

function union<T>(target: T[] | undefined, extra: T[] | undefined, same: (a: T, b: T) => boolean): T[] {
	const out = [...(target ?? [])];
	for (const item of extra ?? []) if (!out.some((o) => same(o, item))) out.push({ ...item, primary: false } as T);
	return out;
}

function mergedContact(ctx: ContactsContext, target: Contact, sources: Contact[]): Contact {
	const info = structuredClone(target.info ?? {});
	for (const s of sources) {
		const si = s.info ?? {};
		info.emails = { items: union(info.emails?.items, si.emails?.items, (a, b) => a.email === b.email) };
		info.phones = { items: union(info.phones?.items, si.phones?.items, (a, b) => a.e164Phone === b.e164Phone) };
		info.addresses = { items: union(info.addresses?.items as any[], si.addresses?.items as any[], (a, b) => JSON.stringify(a.address) === JSON.stringify(b.address)) };
		info.labelKeys = { items: [...new Set([...(info.labelKeys?.items ?? []), ...(si.labelKeys?.items ?? [])])] };
		info.name = info.name?.first || info.name?.last ? info.name : si.name;
		for (const key of ['company', 'jobTitle', 'birthdate', 'locale'] as const) if (!info[key] && si[key]) info[key] = si[key];
		const ext = { ...(si.extendedFields?.items ?? {}), ...(info.extendedFields?.items ?? {}) };
		info.extendedFields = { items: ext };
	}
	for (const list of [info.emails?.items, info.phones?.items]) {
		if (list?.length && !list.some((i) => i.primary)) list[0].primary = true;
	}
	return derive(ctx.site, { ...structuredClone(target), info, revision: target.revision! + 1, updatedDate: ctx.site.now() });
}

function mergeInputs(ctx: ContactsContext, targetId: string, body: Record<string, any>) {
	const target = getStored(ctx.site, targetId);
	const ids = body.sourceContactIds;
	if (!Array.isArray(ids) || ids.length < 1 || ids.length > 5) {
		throw validationError([{ field: 'sourceContactIds', description: 'must list 1 to 5 contact IDs' }]);
	}
	if (ids.includes(targetId) || new Set(ids).size !== ids.length) {
		throw appError(400, 'ILLEGAL_MERGE', 'The target cannot be a source and sources must be distinct');
	}
	const sources = ids.map((id: string) => getStored(ctx.site, id));
	for (const s of sources) {
		if (ctx.site.memberContactIds.has(s.id!) || ctx.site.ownerContactIds.has(s.id!)) {
			throw appError(428, 'FAILED_PRECONDITION', `Contact ${s.id} is a site member or contributor and can only be a merge target`);
		}
	}
	return { target, sources };
}

export function previewMerge(ctx: ContactsContext, targetId: string, body: Record<string, any>): MergeContactsResponse {
	const { target, sources } = mergeInputs(ctx, targetId, body);
	return { contact: mergedContact(ctx, target, sources) };
}

export function mergeContacts(ctx: ContactsContext, targetId: string, body: Record<string, any>): MergeContactsResponse {
	if (body.targetContactRevision === undefined) throw validationError([{ field: 'targetContactRevision', description: 'is required' }]);
	const { target, sources } = mergeInputs(ctx, targetId, body);
	if (Number(body.targetContactRevision) !== target.revision) {
		throw appError(409, 'CONTACT_ALREADY_CHANGED', 'Contact has been updated since the requested revision.', { currentRevision: target.revision });
	}
	const merged = mergedContact(ctx, target, sources);
	for (const s of sources) {
		ctx.site.mergedInto.set(s.id!, targetId);
		removeContact(ctx, s.id!, 'merge');
	}
	store(ctx, merged, 'updated', 'merge');
	ctx.emit({
		entityFqdn: 'wix.contacts.v4.contact',
		slug: 'merged',
		entityId: targetId,
		body: { actionEvent: { body: { targetContactId: targetId, sourceContactIds: sources.map((s) => s.id), targetContact: structuredClone(merged) } } },
	});
	return { contact: structuredClone(merged) };
}

export function labelContact(ctx: ContactsContext, id: string, keys: unknown, add: boolean): LabelContactResponse {
	const current = getStored(ctx.site, id);
	const list = asArray(keys);
	if (list.length < 1 || list.length > 100) throw validationError([{ field: 'labelKeys', description: 'must list 1 to 100 label keys' }]);
	if (add) {
		const missing = list.filter((k) => !ctx.site.labels.has(k));
		if (missing.length) throw validationError(missing.map((k) => ({ field: 'labelKeys', description: `label ${JSON.stringify(k)} does not exist` })));
	}
	const existing = current.info?.labelKeys?.items ?? [];
	const next = add ? [...new Set([...existing, ...list])] : existing.filter((k) => !list.includes(k));
	const updated: Contact = {
		...structuredClone(current),
		info: { ...structuredClone(current.info), labelKeys: { items: next } },
		revision: current.revision! + 1,
		updatedDate: ctx.site.now(),
	};
	store(ctx, updated, 'updated');
	for (const key of add ? next.filter((k) => !existing.includes(k)) : existing.filter((k) => !next.includes(k))) {
		ctx.fire?.(add ? 'contacts-label_added_to_contact' : 'contacts-label_removed_from_contact', { ...contactPayload(updated), labelKey: key });
	}
	return { contact: structuredClone(updated) };
}
