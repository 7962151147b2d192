/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Merge and preview merge (wix-api.md A.8): the target's values win, lists and labels are unioned.
import { appError, validationError } from '../core/errors';
import type { ContactsContext } from './context';
import { derive } from './derived';
import type { Contact, MergeContactsResponse } from './types';
import { getStored, removeContact, saveContact } from './writes';

function union<T>(
	target: T[] | undefined,
	extra: T[] | undefined,
	same: (a: T, b: T) => boolean,
): T[] {
	const out = [...(target ?? [])];
	for (const item of extra ?? [])
		if (!out.some((o) => same(o, item))) out.push({ ...item, primary: false } as T);
	return out;
}

function mergedContact(ctx: ContactsContext, target: Contact, sources: Contact[]): Contact {
	const info = structuredClone(target.info ?? {});
	for (const s of sources) {
		const si = s.info ?? {};
		info.emails = {
			items: union(info.emails?.items, si.emails?.items, (a, b) => a.email === b.email),
		};
		info.phones = {
			items: union(info.phones?.items, si.phones?.items, (a, b) => a.e164Phone === b.e164Phone),
		};
		info.addresses = {
			items: union(
				info.addresses?.items as any[],
				si.addresses?.items as any[],
				(a, b) => JSON.stringify(a.address) === JSON.stringify(b.address),
			),
		};
		info.labelKeys = {
			items: [...new Set([...(info.labelKeys?.items ?? []), ...(si.labelKeys?.items ?? [])])],
		};
		info.name = info.name?.first || info.name?.last ? info.name : si.name;
		for (const key of ['company', 'jobTitle', 'birthdate', 'locale'] as const)
			if (!info[key] && si[key]) info[key] = si[key];
		const ext = { ...(si.extendedFields?.items ?? {}), ...(info.extendedFields?.items ?? {}) };
		info.extendedFields = { items: ext };
	}
	for (const list of [info.emails?.items, info.phones?.items]) {
		if (list?.length && !list.some((i) => i.primary)) list[0].primary = true;
	}
	return derive(ctx.site, {
		...structuredClone(target),
		info,
		revision: target.revision! + 1,
		updatedDate: ctx.site.now(),
	});
}

function mergeInputs(ctx: ContactsContext, targetId: string, body: Record<string, any>) {
	const target = getStored(ctx.site, targetId);
	const ids = body.sourceContactIds;
	if (!Array.isArray(ids) || ids.length < 1 || ids.length > 5) {
		throw validationError([
			{ field: 'sourceContactIds', description: 'must list 1 to 5 contact IDs' },
		]);
	}
	if (ids.includes(targetId) || new Set(ids).size !== ids.length) {
		throw appError(
			400,
			'ILLEGAL_MERGE',
			'The target cannot be a source and sources must be distinct',
		);
	}
	const sources = ids.map((id: string) => getStored(ctx.site, id));
	for (const s of sources) {
		if (ctx.site.members.isMember(s.id!) || ctx.site.ownerContactIds.has(s.id!)) {
			throw appError(
				428,
				'FAILED_PRECONDITION',
				`Contact ${s.id} is a site member or contributor and can only be a merge target`,
			);
		}
	}
	return { target, sources };
}

export function previewMerge(
	ctx: ContactsContext,
	targetId: string,
	body: Record<string, any>,
): MergeContactsResponse {
	const { target, sources } = mergeInputs(ctx, targetId, body);
	return { contact: mergedContact(ctx, target, sources) };
}

export function mergeContacts(
	ctx: ContactsContext,
	targetId: string,
	body: Record<string, any>,
): MergeContactsResponse {
	if (body.targetContactRevision === undefined)
		throw validationError([{ field: 'targetContactRevision', description: 'is required' }]);
	const { target, sources } = mergeInputs(ctx, targetId, body);
	if (Number(body.targetContactRevision) !== target.revision) {
		throw appError(
			409,
			'CONTACT_ALREADY_CHANGED',
			'Contact has been updated since the requested revision.',
			{ currentRevision: target.revision },
		);
	}
	const merged = mergedContact(ctx, target, sources);
	for (const s of sources) {
		ctx.site.mergedInto.set(s.id!, targetId);
		removeContact(ctx, s.id!, 'merge');
	}
	saveContact(ctx, merged, 'updated', 'merge');
	ctx.emit({
		entityFqdn: 'wix.contacts.v4.contact',
		slug: 'merged',
		entityId: targetId,
		body: {
			actionEvent: {
				body: {
					targetContactId: targetId,
					sourceContactIds: sources.map((s) => s.id),
					targetContact: structuredClone(merged),
				},
			},
		},
	});
	return { contact: structuredClone(merged) };
}
