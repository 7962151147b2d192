// Every write to a contact: the request, the revision Wix wants, the bounded retry when another
// writer got there first, and the echo notes that let the triggers drop the events our writes cause.
// Operations call these and never each other.
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import * as contactsApi from '../api/contacts';
import {
	noteOwnCreation,
	noteOwnDeletion,
	noteOwnMerge,
	noteOwnRevision,
	type OwnWriteNote,
} from '../shared/echo';
import { answerWasLost, wixApiRequest } from '../transport';
import { backoffDelay } from '../transport/backoff';
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

/**
 * The mark a write leaves (shared/echo.ts): the revision it produces, and after the point a number
 * that tells this very write apart, so that after a lost answer the write can be found.
 */
function markFor(revision: number, writeId: string): number {
	return Number(`${revision}.${writeId}`);
}

/** Six digits that tell one write from another. */
function newWriteId(): string {
	return String(Math.floor(100_000 + Math.random() * 899_999));
}

function markOf(contact: WixContact | undefined, markKey: string): unknown {
	return contact?.info?.extendedFields?.items?.[markKey];
}

/** The info to send, carrying the sync mark. */
function withMark(info: WixContactInfo, markKey: string | undefined, mark: number): IDataObject {
	if (!markKey) return info as IDataObject;
	const items = { ...info.extendedFields?.items, [markKey]: mark };
	return { ...info, extendedFields: { items } } as IDataObject;
}

/** How many times a write whose answer was lost is looked for and, if it did not land, sent again. */
const LOST_ANSWER_ATTEMPTS = 3;

async function pauseBeforeAttempt(attempt: number) {
	await sleep(backoffDelay(attempt));
}

/** The contact a create carrying `mark` made, if it landed. */
async function findCreated(
	ctx: IExecuteFunctions,
	markKey: string,
	mark: number,
	i: number,
): Promise<WixContact | undefined> {
	const query = {
		filter: { [`info.extendedFields.${markKey}`]: mark },
		paging: { limit: 1 },
		fieldsets: ['FULL'],
	};
	const { contacts } = await wixApiRequest<{ contacts?: WixContact[] }>(
		ctx,
		contactsApi.queryPage({ query }),
		i,
	);
	return contacts?.[0];
}

/**
 * Creates a contact. When the answer is lost after Wix may have saved it, the contact is looked
 * for by the mark this create carried before the create is sent again, so a retry never makes a
 * second contact (without the mark field, the lost answer is reported instead of risking one).
 */
export async function createContact(
	ctx: IExecuteFunctions,
	prepared: PreparedFields,
	i: number,
	options: WriteOptions = {},
): Promise<WixContact> {
	const markKey = await syncRevisionFieldKey(ctx);
	const notes = markKey ? [] : [noteOwnCreation(CONTACT, prepared.fields.email)];
	// A new contact starts at revision 1.
	const mark = markFor(1, newWriteId());
	const body = {
		info: withMark(contactInfoOf(prepared), markKey, mark),
		allowDuplicates: options.allowDuplicates ?? false,
	};
	const created = await forgettingOnFailure(ctx, notes, async () => {
		for (let attempt = 1; ; attempt++) {
			try {
				return (await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.create(body), i))
					.contact;
			} catch (error) {
				if (!markKey) throw new NodeApiError(ctx.getNode(), error as JsonObject);
				// A re-sent create may meet the contact its first try made, by email.
				const duplicateId = duplicateOf(error);
				if (attempt > 1 && duplicateId) {
					const existing = (
						await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.get(duplicateId), i)
					).contact;
					if (markOf(existing, markKey) === mark) return existing;
				}
				if (!answerWasLost(error) || attempt >= LOST_ANSWER_ATTEMPTS)
					throw new NodeApiError(ctx.getNode(), error as JsonObject);
				await pauseBeforeAttempt(attempt);
				const landed = await findCreated(ctx, markKey, mark, i);
				if (landed) return landed;
			}
		}
	});
	noteOwnRevision(CONTACT, created.id, created.revision);
	return created;
}

function duplicateOf(error: unknown): string | undefined {
	const context = (error as NodeApiError).context ?? {};
	if (context.wixErrorCode !== 'DUPLICATE_CONTACT_EXISTS') return undefined;
	return (context.wixErrorData as { duplicateContactId?: string } | undefined)?.duplicateContactId;
}

/**
 * Writes `prepared` onto a contact at its current revision, re-reading and retrying when another
 * writer got there in between. After a lost answer the re-read shows whether the write landed (the
 * contact carries its mark), so it is not made twice. `known` is a copy already in hand.
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
	const writeId = newWriteId();
	let lastMark: number | undefined;
	for (let attempt = 0; ; attempt++) {
		const current =
			attempt === 0 && known
				? known
				: (await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.get(contactId), i))
						.contact;
		if (markKey && lastMark !== undefined && markOf(current, markKey) === lastMark) {
			noteOwnRevision(CONTACT, current.id, current.revision);
			return current;
		}
		const next = (current.revision ?? 0) + 1;
		lastMark = markFor(next, writeId);
		const notes = markKey ? [] : [noteOwnRevision(CONTACT, contactId, next)];
		const body = {
			revision: current.revision,
			info: withMark(contactInfoOf(prepared, current.info), markKey, lastMark),
			allowDuplicates: options.allowDuplicates ?? false,
		};
		try {
			const { contact } = await forgettingOnFailure(
				ctx,
				notes,
				async () =>
					await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.update(contactId, body), i),
			);
			noteOwnRevision(CONTACT, contact.id, contact.revision);
			return contact;
		} catch (error) {
			const again = isStaleRevision(error) || (markKey !== undefined && answerWasLost(error));
			if (!again || attempt >= MAX_REVISION_RETRIES)
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	}
}

/**
 * Merges `sourceIds` into the target at its current revision; Wix deletes the sources. After a lost
 * answer, sources that are all gone mean the merge landed.
 */
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
		return await forgettingOnFailure(ctx, notes, async () => {
			try {
				return (
					await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.merge(targetId, body), i)
				).contact;
			} catch (error) {
				if (!answerWasLost(error) || !(await allGone(ctx, sourceIds, i)))
					throw new NodeApiError(ctx.getNode(), error as JsonObject);
				return (await wixApiRequest<{ contact: WixContact }>(ctx, contactsApi.get(targetId), i))
					.contact;
			}
		});
	});
}

async function isGone(ctx: IExecuteFunctions, contactId: string, i: number): Promise<boolean> {
	try {
		await wixApiRequest(ctx, contactsApi.get(contactId, ['BASIC']), i);
		return false;
	} catch (error) {
		if ((error as NodeApiError).httpCode === '404') return true;
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

async function allGone(ctx: IExecuteFunctions, contactIds: string[], i: number): Promise<boolean> {
	for (const id of contactIds) if (!(await isGone(ctx, id, i))) return false;
	return true;
}

/** Deletes a contact (the transport reports a delete whose answer was lost as done). */
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
