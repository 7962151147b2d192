// Remembers what this package's own nodes just wrote, so the triggers can drop the events those
// writes cause and a 2-way sync does not loop. Keyed by Wix entity (`entityFqdn`, as webhooks name
// it), so every API the nodes write to gets the same protection. Held in this n8n process (shared by
// every node of the package); writes are noted before the request where the outcome is
// predictable, because Wix may deliver the webhook before the write's response arrives.
import { ENTITY_FQDN as CONTACT } from '../api/contacts';

const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 20_000;
const marks = new Map<string, number>();

/**
 * How a created entity is known before Wix has given it an ID, by entity: its natural key in the
 * event's entity (a contact by its primary email).
 */
const CREATION_KEYS: Record<string, (entity: Record<string, unknown>) => unknown> = {
	[CONTACT]: (entity) => (entity.primaryInfo as { email?: unknown } | undefined)?.email,
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

/** An entity our node wrote, at the revision the write produced. */
export function noteOwnRevision(
	entityFqdn: string,
	id: string | undefined | null,
	revision: number | string | undefined | null,
) {
	if (id && (typeof revision === 'number' || typeof revision === 'string'))
		mark(`${entityFqdn}:${id}:rev:${revision}`);
}

/** An entity our node is about to create, known only by its natural key until Wix answers. */
export function noteOwnCreation(entityFqdn: string, naturalKey: string | undefined) {
	const key = creationKey(naturalKey);
	if (key) mark(`${entityFqdn}:created:${key}`);
}

export function noteOwnDeletion(entityFqdn: string, id: string) {
	mark(`${entityFqdn}:${id}:deleted`);
}

/** A merge our node made into `targetId` (Wix sends it as the target's `merged` event). */
export function noteOwnMerge(entityFqdn: string, targetId: string) {
	mark(`${entityFqdn}:${targetId}:merged`);
}

export interface EntityEvent {
	entityFqdn: string;
	slug: string;
	entityId: string;
	entity: Record<string, unknown> | null;
}

/** Whether an event was caused by one of our own writes. */
export function isOwnEvent(event: EntityEvent): boolean {
	const { entityFqdn, slug, entityId } = event;
	const entity = event.entity ?? {};
	if (slug === 'deleted') return has(`${entityFqdn}:${entityId}:deleted`);
	if (slug === 'merged') return has(`${entityFqdn}:${entityId}:merged`);
	const revision = entity.revision;
	if (
		(typeof revision === 'number' || typeof revision === 'string') &&
		has(`${entityFqdn}:${entityId}:rev:${revision}`)
	)
		return true;
	const key = slug === 'created' ? creationKey(CREATION_KEYS[entityFqdn]?.(entity)) : undefined;
	return key !== undefined && has(`${entityFqdn}:created:${key}`);
}
