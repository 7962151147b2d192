// Tells the events our own writes cause from everybody else's, so a 2-way sync does not loop and
// never drops a genuine change. Keyed by Wix entity (`entityFqdn`, as webhooks name it).
//
// The proof lives in Wix where the entity has room for it: every contact create and update of this
// package sets the custom field "n8n Sync Revision" to the revision that very write produces. An
// event whose entity still carries its own revision there was caused by our write, whichever n8n
// process made it and however long ago; a write that failed left no mark, and anyone else's later
// change moves the revision past the mark.
// Where Wix has no room for a mark (label changes, deletions, merges, a site where the field cannot
// be created), this n8n process remembers its own writes for ten minutes: the revision a write
// produced once Wix answered (exact), and deletions, merges and unmarked writes before the request,
// because Wix may deliver the webhook before the answer (forgotten again when the request fails).
import { ENTITY_FQDN as CONTACT } from '../api/contacts';

/** Loyalty accounts, as webhooks name them. */
export const LOYALTY_ACCOUNT = 'wix.loyalty.v1.account';

/** The custom field that carries the mark, as the nodes create it. */
export const SYNC_REVISION_FIELD = {
	displayName: 'n8n Sync Revision',
	/** Its key: `custom.` and the display name as Wix turns it into one. */
	id: 'custom.n8n-sync-revision',
};

const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 20_000;
const marks = new Map<string, number>();

type Entity = Record<string, unknown>;

/** Where an entity keeps the mark, by entity. */
const MARKS_IN_WIX: Record<string, (entity: Entity) => { mark: unknown }> = {
	[CONTACT]: (entity) => {
		const items = ((entity.info as Entity | undefined)?.extendedFields as Entity | undefined)
			?.items as Entity | undefined;
		// Wix may have suffixed the key if the name was taken; any key of the field's family counts.
		const key = Object.keys(items ?? {}).find((k) => k.startsWith(SYNC_REVISION_FIELD.id));
		return { mark: key ? items?.[key] : undefined };
	},
};

/**
 * How a created entity is known before Wix has given it an ID, by entity: its natural key in the
 * event's entity (a contact by its primary email).
 */
const CREATION_KEYS: Record<string, (entity: Entity) => unknown> = {
	[CONTACT]: (entity) => (entity.primaryInfo as { email?: unknown } | undefined)?.email,
	// A loyalty account by its contact (one account per contact); Create Account takes nothing else
	// Wix would keep, so its echo is known only in the process that made it.
	[LOYALTY_ACCOUNT]: (entity) => entity.contactId,
};

function mark(key: string, now = Date.now()) {
	marks.delete(key);
	marks.set(key, now + TTL_MS);
	if (marks.size > MAX_ENTRIES) marks.delete(marks.keys().next().value as string);
}

function has(key: string, now = Date.now()): boolean {
	const expires = marks.get(key);
	if (expires === undefined) return false;
	if (expires < now) {
		marks.delete(key);
		return false;
	}
	return true;
}

const creationKey = (value: unknown) =>
	typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : undefined;

/** A note in this process, and how to take it back when the write it was made for failed. */
export interface OwnWriteNote {
	forget: () => void;
}

function note(key: string): OwnWriteNote {
	mark(key);
	return { forget: () => marks.delete(key) };
}

/** An entity our node wrote, at the revision the write produced (where Wix holds no mark). */
export function noteOwnRevision(
	entityFqdn: string,
	id: string | undefined | null,
	revision: number | string | undefined | null,
): OwnWriteNote {
	if (!id || (typeof revision !== 'number' && typeof revision !== 'string'))
		return { forget: () => {} };
	return note(`${entityFqdn}:${id}:rev:${revision}`);
}

/** An entity our node is about to create, known only by its natural key until Wix answers. */
export function noteOwnCreation(entityFqdn: string, naturalKey: string | undefined): OwnWriteNote {
	const key = creationKey(naturalKey);
	return key ? note(`${entityFqdn}:created:${key}`) : { forget: () => {} };
}

export function noteOwnDeletion(entityFqdn: string, id: string): OwnWriteNote {
	return note(`${entityFqdn}:${id}:deleted`);
}

/** A merge our node makes into `targetId` (Wix sends it as the target's `merged` event). */
export function noteOwnMerge(entityFqdn: string, targetId: string): OwnWriteNote {
	return note(`${entityFqdn}:${targetId}:merged`);
}

export interface EntityEvent {
	entityFqdn: string;
	slug: string;
	entityId: string;
	entity: Entity | null;
}

/** The revision our latest write of the entity produced, as its mark in Wix says. */
function markedRevision(entityFqdn: string, entity: Entity | null): number | undefined {
	const read = MARKS_IN_WIX[entityFqdn];
	if (!read || !entity) return undefined;
	const { mark } = read(entity);
	// The mark is the revision, and after the point an ID of the write (contact/write.ts).
	return mark === undefined || mark === null ? undefined : Math.trunc(Number(mark));
}

/**
 * Whether an entity, as an event or a read shows it, was last changed by our nodes. For a
 * creation: whether our write made revision 1, i.e. created it, whatever happened since.
 */
export function carriesOwnMark(
	entityFqdn: string,
	entity: Entity | null,
	slug = 'updated',
): boolean {
	const marked = markedRevision(entityFqdn, entity);
	if (marked === undefined) return false;
	if (slug === 'created') return marked === 1;
	return marked === Number(entity?.revision);
}

/** Whether an event was caused by one of our own writes. */
export function isOwnEvent(event: EntityEvent): boolean {
	const { entityFqdn, slug, entityId } = event;
	if (slug === 'deleted') return has(`${entityFqdn}:${entityId}:deleted`);
	if (slug === 'merged') return has(`${entityFqdn}:${entityId}:merged`);
	if (carriesOwnMark(entityFqdn, event.entity, slug)) return true;
	const entity = event.entity ?? {};
	const revision = entity.revision;
	if (
		(typeof revision === 'number' || typeof revision === 'string') &&
		has(`${entityFqdn}:${entityId}:rev:${revision}`)
	)
		return true;
	const key = slug === 'created' ? creationKey(CREATION_KEYS[entityFqdn]?.(entity)) : undefined;
	return key !== undefined && has(`${entityFqdn}:created:${key}`);
}
