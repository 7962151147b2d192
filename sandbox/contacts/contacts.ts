/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Contacts v4 (wix-api.md A): create, get, update, delete, list, query, label, unlabel.
import { appError, notFound, validationError } from '../core/errors';
import { asArray } from '../core/http';
import { matches, normalizeSort, readPaging, sortEntities, validateFilter } from '../core/query';
import type { ContactsContext, ContactsSite } from './context';
import { derive } from './derived';
import { contactFieldResolver, searchMatches } from './filters';
import { project } from './projection';
import type {
	Contact,
	ContactInfo,
	CreateContactResponse,
	GetContactResponse,
	LabelContactResponse,
	ListContactsResponse,
	QueryContactsResponse,
	UpdateContactResponse,
} from './types';
import { hasReachableIdentity, normalizeInfo, validateInfo } from './validation';
import {
	contactPayload,
	duplicateError,
	findDuplicate,
	getStored,
	removeContact,
	saveContact,
} from './writes';

/** A subscription change shows on every contact whose primary email it is (a contact update). */
export function refreshContactsForEmail(ctx: ContactsContext, email: string) {
	for (const contact of [...ctx.site.contacts.values()]) {
		if (contact.primaryInfo?.email !== email) continue;
		const before = JSON.stringify(contact.info?.extendedFields);
		derive(ctx.site, contact);
		if (JSON.stringify(contact.info?.extendedFields) === before) continue;
		saveContact(
			ctx,
			{ ...contact, revision: contact.revision! + 1, updatedDate: ctx.site.now() },
			'updated',
		);
	}
}

export function createContact(
	ctx: ContactsContext,
	body: Record<string, any>,
): CreateContactResponse {
	if (body.info === undefined)
		throw validationError([{ field: 'info', description: 'is required' }]);
	validateInfo(ctx.site, body.info);
	const info = normalizeInfo(ctx.site, body.info);
	if (!hasReachableIdentity(info)) {
		throw appError(
			400,
			'INSUFFICIENT_CONTACT_DATA',
			'A contact needs at least a name, an email or a phone',
		);
	}
	if (body.allowDuplicates !== true) {
		const duplicate = findDuplicate(ctx.site, info);
		if (duplicate) throw duplicateError(duplicate);
	}
	const now = ctx.site.now();
	const contact: Contact = {
		id: ctx.site.newId(),
		revision: 1,
		source:
			ctx.caller.kind === 'app'
				? { sourceType: 'WIX_APP', appId: ctx.caller.appId }
				: { sourceType: 'OTHER' },
		createdDate: now,
		updatedDate: now,
		lastActivity: { activityDate: now, activityType: 'CONTACT_CREATED' },
		info,
	};
	saveContact(ctx, contact, 'created');
	ctx.fire?.('contacts-new_contact_was_created', contactPayload(contact));
	return { contact: structuredClone(contact) };
}

export function getContact(
	ctx: ContactsContext,
	id: string,
	qs: Record<string, unknown>,
): GetContactResponse {
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

export function updateContact(
	ctx: ContactsContext,
	id: string,
	body: Record<string, any>,
): UpdateContactResponse {
	const current = getStored(ctx.site, id);
	if (body.revision === undefined || body.revision === null) {
		throw validationError([{ field: 'revision', description: 'is required' }]);
	}
	if (body.info === undefined)
		throw validationError([{ field: 'info', description: 'is required' }]);
	if (Number(body.revision) !== current.revision) {
		throw appError(
			409,
			'CONTACT_ALREADY_CHANGED',
			'Contact has been updated since the requested revision.',
			{
				currentRevision: current.revision,
			},
		);
	}
	validateInfo(ctx.site, body.info);
	if (Object.keys(body.info).length === 0) {
		throw appError(400, 'INSUFFICIENT_UPDATE_CONTACT_DATA', 'info has no fields to update');
	}
	const patch = normalizeInfo(ctx.site, body.info);
	const merged: ContactInfo = { ...structuredClone(current.info), ...patch };
	if (patch.extendedFields) {
		merged.extendedFields = {
			items: { ...(current.info?.extendedFields?.items ?? {}), ...patch.extendedFields.items },
		};
	}
	const oldEmail = current.primaryInfo?.email;
	const newEmail = merged.emails?.items?.find((i) => i.primary)?.email;
	if (ctx.site.members.isMember(id) && patch.emails && oldEmail !== newEmail) {
		throw appError(
			400,
			'CANNOT_UPDATE_MEMBER_EMAIL',
			'The primary email of a site member cannot be changed here; use the Members API',
		);
	}
	if (!hasReachableIdentity(merged)) {
		throw appError(
			400,
			'INSUFFICIENT_CONTACT_DATA',
			'A contact needs at least a name, an email or a phone',
		);
	}
	if (body.allowDuplicates !== true && (patch.emails || patch.phones)) {
		const duplicate = findDuplicate(ctx.site, merged, id);
		if (duplicate) throw duplicateError(duplicate);
	}
	const updated: Contact = {
		...structuredClone(current),
		info: merged,
		revision: current.revision! + 1,
		updatedDate: ctx.site.now(),
	};
	saveContact(ctx, updated, 'updated');
	return { contact: structuredClone(updated) };
}

export function deleteContact(ctx: ContactsContext, id: string): Record<string, never> {
	getStored(ctx.site, id);
	if (ctx.site.ownerContactIds.has(id)) {
		throw appError(
			428,
			'CANNOT_DELETE_MEMBER_OWNER_OR_CONTRIBUTOR',
			'The site owner or a contributor cannot be deleted',
		);
	}
	if (ctx.site.members.isMember(id)) {
		throw appError(
			428,
			'CANNOT_DELETE_MEMBER',
			'This contact is a site member; delete the member first',
		);
	}
	if (ctx.site.billingContactIds.has(id)) {
		throw appError(
			428,
			'CANNOT_DELETE_CONTACT_WITH_BILLING_SUBSCRIPTION',
			'This contact has a valid billing subscription',
		);
	}
	removeContact(ctx, id);
	return {};
}

function page(site: ContactsSite, list: Contact[], paging: { limit: number; offset: number }) {
	const slice = list.slice(paging.offset, paging.offset + paging.limit);
	return {
		slice,
		pagingMetadata: {
			count: slice.length,
			offset: paging.offset,
			total: list.length,
			tooManyToCount: false,
		},
	};
}

export function listContacts(ctx: ContactsContext, qs: Record<string, any>): ListContactsResponse {
	const resolve = contactFieldResolver(ctx.site);
	const sort = qs.sort?.fieldName
		? normalizeSort({ fieldName: qs.sort.fieldName, order: qs.sort.order }, resolve)
		: [{ fieldName: 'createdDate', order: 'DESC' }];
	const paging = readPaging(qs.paging, { limit: 50, max: 1000 });
	const all = sortEntities([...ctx.site.contacts.values()], sort, resolve);
	const { slice, pagingMetadata } = page(ctx.site, all, paging);
	return {
		contacts: slice.map((c) => project(c, asArray(qs.fieldsets), asArray(qs.fields))),
		pagingMetadata,
	};
}

export function queryContacts(
	ctx: ContactsContext,
	body: Record<string, any>,
): QueryContactsResponse {
	const query = body.query ?? {};
	if (typeof query !== 'object' || Array.isArray(query))
		throw validationError([{ field: 'query', description: 'must be an object' }]);
	const resolve = contactFieldResolver(ctx.site);
	validateFilter(query.filter, resolve);
	const sort =
		query.sort === undefined || (Array.isArray(query.sort) && query.sort.length === 0)
			? [{ fieldName: 'createdDate', order: 'DESC' }]
			: normalizeSort(query.sort, resolve);
	const paging = readPaging(query.paging, { limit: 50, max: 1000 });
	if (body.search !== undefined && (typeof body.search !== 'string' || body.search.length > 100)) {
		throw validationError([
			{ field: 'search', description: 'must be a string of at most 100 characters' },
		]);
	}
	let list = [...ctx.site.contacts.values()].filter((c) => matches(c, query.filter, resolve));
	if (body.search) list = list.filter((c) => searchMatches(c, body.search));
	list = sortEntities(list, sort, resolve);
	const { slice, pagingMetadata } = page(ctx.site, list, paging);
	return {
		contacts: slice.map((c) => project(c, asArray(query.fieldsets), asArray(query.fields))),
		pagingMetadata,
	};
}

export function labelContact(
	ctx: ContactsContext,
	id: string,
	keys: unknown,
	add: boolean,
): LabelContactResponse {
	const current = getStored(ctx.site, id);
	const list = asArray(keys);
	if (list.length < 1 || list.length > 100)
		throw validationError([{ field: 'labelKeys', description: 'must list 1 to 100 label keys' }]);
	if (add) {
		const missing = list.filter((k) => !ctx.site.labels.has(k));
		if (missing.length)
			throw validationError(
				missing.map((k) => ({
					field: 'labelKeys',
					description: `label ${JSON.stringify(k)} does not exist`,
				})),
			);
	}
	const existing = current.info?.labelKeys?.items ?? [];
	const next = add
		? [...new Set([...existing, ...list])]
		: existing.filter((k) => !list.includes(k));
	const updated: Contact = {
		...structuredClone(current),
		info: { ...structuredClone(current.info), labelKeys: { items: next } },
		revision: current.revision! + 1,
		updatedDate: ctx.site.now(),
	};
	saveContact(ctx, updated, 'updated');
	for (const key of add
		? next.filter((k) => !existing.includes(k))
		: existing.filter((k) => !next.includes(k))) {
		ctx.fire?.(add ? 'contacts-label_added_to_contact' : 'contacts-label_removed_from_contact', {
			...contactPayload(updated),
			labelKey: key,
		});
	}
	return { contact: structuredClone(updated) };
}
