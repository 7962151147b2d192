// Remembers what this package's own nodes just wrote, so the Wix Trigger can drop the webhooks
// those writes cause and a 2-way sync does not loop. Held in this n8n process (shared by every
// node of the package); writes are noted before the request where the outcome is predictable,
// because Wix may deliver the webhook before the write's response arrives.
const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 20_000;
const marks = new Map<string, number>();

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

/** A contact our node wrote, at the revision the write produced. */
export function noteContactRevision(contactId: string | undefined | null, revision: number | undefined | null) {
	if (contactId && typeof revision === 'number') mark(`contact:${contactId}:${revision}`);
}

/** A contact our node is about to create, known only by its email until Wix answers. */
export function noteContactEmail(email: string | undefined) {
	if (email) mark(`email:${email.trim().toLowerCase()}`);
}

export function noteContactDeleted(contactId: string) {
	mark(`deleted:${contactId}`);
}

export function noteContactsMerged(targetId: string) {
	mark(`merged:${targetId}`);
}

/** Whether a contact event was caused by one of our own writes. */
export function isOwnContactEvent(event: { slug: string; entityId: string; entity: Record<string, unknown> | null }): boolean {
	const entity = (event.entity ?? {}) as { revision?: number; primaryInfo?: { email?: string } };
	if (event.slug === 'deleted') return has(`deleted:${event.entityId}`);
	if (event.slug === 'merged') return has(`merged:${event.entityId}`);
	if (typeof entity.revision === 'number' && has(`contact:${event.entityId}:${entity.revision}`)) return true;
	const email = entity.primaryInfo?.email;
	return event.slug === 'created' && typeof email === 'string' && has(`email:${email.toLowerCase()}`);
}
