// What every API handler is given: the site's state (each API module adds its own part), the clock,
// and the ways a change reaches the outside (app webhooks, Wix Automations).
import { randomUUID } from 'node:crypto';

/** A change as an API module describes it; core/webhooks wraps it into Wix's signed envelope. */
export interface DomainEventInput {
	entityFqdn: string;
	slug: string;
	entityId: string;
	body: Record<string, unknown>;
	originatedFrom?: string;
}

export type EmitEvent = (event: DomainEventInput) => void;

export interface Clock {
	/** Millisecond timestamps as Wix gives them: writes in the same millisecond share one. */
	now(): string;
	newId(): string;
}

export function clock(): Clock {
	return { now: () => new Date().toISOString(), newId: () => randomUUID() };
}

/** `S` is the part of the site a module reads; the server's site holds every module's part. */
export interface SiteContext<S = unknown> {
	site: Clock & S;
	emit: EmitEvent;
	/** Who is calling, for `source` on new contacts. */
	caller: { kind: 'apiKey' } | { kind: 'app'; appId: string };
	/** Runs the Wix Automations listening to this trigger (absent where none can run, e.g. seeding). */
	fire?: (triggerKey: string, payload: Record<string, unknown>) => void;
}

/** The created/updated/deleted event bodies Wix sends for a plain entity. */
export function emitEntity(
	ctx: SiteContext,
	fqdn: string,
	slug: 'created' | 'updated' | 'deleted',
	id: string,
	entity?: unknown,
) {
	const body =
		slug === 'created'
			? { createdEvent: { entity } }
			: slug === 'updated'
				? { updatedEvent: { currentEntity: entity } }
				: { deletedEvent: {} };
	ctx.emit({ entityFqdn: fqdn, slug, entityId: id, body });
}

/** Wix's key rule for user labels and fields: `custom.` + the lower-cased name, other runs as `-`. */
export function customKey(displayName: string): string {
	const slug = displayName
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return `custom.${slug || 'field'}`;
}
