// Every write to a contact: the request, the revision Wix wants, the bounded retry when another
// writer got there first, and the echo notes that let the triggers drop the events our writes cause.
// Operations call these and never each other.
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import * as contactsApi from '../api/contacts';
import {
	noteOwnCreation,
	noteOwnDeletion,
	noteOwnMerge,
	noteOwnRevision,
	type OwnWriteNote,
} from '../shared/echo';
import { wixApiRequest } from '../transport';
import { contactInfoOf, type PreparedFields, type WixContact, type WixContactInfo } from './info';
import { syncRevisionFieldKey } from './siteSchema';

const CONTACT = contactsApi.ENTITY_FQDN;

/** How many times a write that lost a race with another writer is re-read and tried again. */
export const MAX_REVISION_RETRIES = 3;

export interface WriteOptions {
	allowDuplicates?: boolean;
}

function isStaleRevision(error: unknown): boolean {
	return (error as NodeApiError)?.context?.wixErrorCode === 'CONTACT_ALREADY_CHANGED';
}

/** Runs `attempt` again (told it is a retry) while Wix says the revision it wrote at is stale. */
async function retryOnStaleRevision<T>(
	ctx: IExecuteFunctions,
	attempt: (retry: boolean) => Promise<T>,
): Promise<T> {
	for (let n = 0; ; n++) {
		try {
			return await attempt(n > 0);
		} catch (error) {
			if (!isStaleRevision(error) || n >= MAX_REVISION_RETRIES)
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	}
}

/** Runs `write`; when it fails, the notes made for it are taken back. */
async function forgettingOnFailure<T>(
	ctx: IExecuteFunctions,
	notes: OwnWriteNote[],
	write: () => Promise<T>,
): Promise<T> {
	try {
		return await write();
	} catch (error) {
		notes.forEach((n) => n.forget());
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

/** The info to send, carrying the sync mark (shared/echo.ts) for the revision the write produces. */
function withMark(
	info: WixContactInfo,
	markKey: string | undefined,
	revision: number,
): IDataObject {
	if (!markKey) return info as IDataObject;
	const items = { ...info.extendedFields?.items, [markKey]: revision };
	return { ...info, extendedFields: { items } } as IDataObject;
}

export async function createContact(
	ctx: IExecuteFunctions,
	prepared: PreparedFields,
	i: number,
	options: WriteOptions = {},
): Promise<WixContact> {
	const markKey = await syncRevisionFieldKey(ctx);
	const notes = markKey ? [] : [noteOwnCreation(CONTACT, prepared.fields.email)];
	// A new contact starts at revision 1.
	const body = {
		info: withMark(contactInfoOf(prepared), markKey, 1),
		allowDuplicates: options.allowDuplicates ?? false,
	};
	const { contact } = await forgettingOnFailure(
		ctx,
		notes,
		async () => await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.create(body), i),
	);
	noteOwnRevision(CONTACT, contact.id, contact.revision);
	return contact;
}

/**
 * Writes `prepared` onto a contact at its current revision, re-reading and retrying when another
 * writer got there in between. `known` is a copy already in hand (saves the first read).
 */
export async function updateContact(
	ctx: IExecuteFunctions,
	contactId: string,
	prepared: PreparedFields,
	i: number,
	options: WriteOptions = {},
	known?: WixContact,
): Promise<WixContact> {
	const markKey = await syncRevisionFieldKey(ctx);
	return await retryOnStaleRevision(ctx, async (retry) => {
		const current =
			!retry && known
				? known
				: (await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.get(contactId), i))
						.contact;
		const next = (current.revision ?? 0) + 1;
		const notes = markKey ? [] : [noteOwnRevision(CONTACT, contactId, next)];
		const body = {
			revision: current.revision,
			info: withMark(contactInfoOf(prepared, current.info), markKey, next),
			allowDuplicates: options.allowDuplicates ?? false,
		};
		const { contact } = await forgettingOnFailure(
			ctx,
			notes,
			async () =>
				await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.update(contactId, body), i),
		);
		noteOwnRevision(CONTACT, contact.id, contact.revision);
		return contact;
	});
}

/** Merges `sourceIds` into the target at its current revision; the sources are deleted by Wix. */
export async function mergeContacts(
	ctx: IExecuteFunctions,
	targetId: string,
	sourceIds: string[],
	i: number,
): Promise<WixContact> {
	return await retryOnStaleRevision(ctx, async () => {
		const { contact: target } = await wixApiRequest<{ contact: WixContact }>(
			ctx,
			contactsApi.get(targetId, ['BASIC']),
			i,
		);
		const notes = [
			noteOwnMerge(CONTACT, targetId),
			noteOwnRevision(CONTACT, targetId, (target.revision ?? 0) + 1),
			...sourceIds.map((id) => noteOwnDeletion(CONTACT, id)),
		];
		const body = { targetContactRevision: target.revision, sourceContactIds: sourceIds };
		const { contact } = await forgettingOnFailure(
			ctx,
			notes,
			async () =>
				await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.merge(targetId, body), i),
		);
		return contact;
	});
}

export async function deleteContact(
	ctx: IExecuteFunctions,
	contactId: string,
	i: number,
): Promise<void> {
	await forgettingOnFailure(ctx, [noteOwnDeletion(CONTACT, contactId)], async () => {
		await wixApiRequest(ctx, contactsApi.remove(contactId), i);
	});
}

/**
 * Adds or removes labels (by key). Wix takes these without a revision and with no room for the sync
 * mark, so the revision they produced is remembered here once Wix has answered.
 */
export async function changeContactLabels(
	ctx: IExecuteFunctions,
	contactId: string,
	labelKeys: string[],
	add: boolean,
	i: number,
): Promise<WixContact> {
	const request = add
		? contactsApi.labelContact(contactId, labelKeys)
		: contactsApi.unlabelContact(contactId, labelKeys);
	const { contact } = await wixApiRequest<{ contact: WixContact }>(ctx, request, i);
	noteOwnRevision(CONTACT, contact.id, contact.revision);
	return contact;
}
