/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Injected failures, so tests can prove the nodes survive what a busy Wix site does to them.
import { randomUUID } from 'node:crypto';

export interface Fault {
	id: string;
	kind: 'status' | 'reset' | 'timeout' | 'concurrentUpdate' | 'concurrentWrites' | 'lostAnswer';
	/** For lostAnswer: the request is carried out, then its answer is a 500 (`status`) or a dropped connection (`reset`). */
	then?: 'status' | 'reset';
	/** For concurrentUpdate: what another writer changes on the contact just before this request. */
	info?: Record<string, unknown>;
	/** For concurrentUpdate on a request that names no contact (a query): which contact. */
	contactId?: string;
	/** For concurrentWrites: contacts other writers create, and delete (the newest unless `removeFrom`). */
	create?: number;
	remove?: number;
	removeFrom?: 'newest' | 'oldest';
	method?: string;
	pathPrefix?: string;
	/** The exact path, where a prefix would also match a sub-resource (`…/contacts` and `…/contacts/query`). */
	path?: string;
	status?: number;
	/** Remaining times this fault fires; undefined = unlimited (use with rate). */
	times?: number;
	rate?: number;
	/** Fires on every Nth matching request (deterministic storms). */
	every?: number;
	seen?: number;
	delayMs?: number;
	retryAfter?: number;
}

export class Faults {
	private list: Fault[] = [];

	add(body: Record<string, any>): Fault {
		const fault: Fault = { id: randomUUID(), kind: body.kind ?? 'status', ...body };
		this.list.push(fault);
		return fault;
	}

	clear() {
		this.list = [];
	}

	/** The first fault that fires for this request, counting it down. */
	take(method: string, path: string): Fault | undefined {
		for (const fault of this.list) {
			if (fault.method && fault.method !== method) continue;
			if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) continue;
			if (fault.path && fault.path !== path) continue;
			if (fault.times !== undefined && fault.times <= 0) continue;
			if (fault.every) {
				fault.seen = (fault.seen ?? 0) + 1;
				if (fault.seen % fault.every !== 0) continue;
			}
			if (fault.rate !== undefined && Math.random() >= fault.rate) continue;
			if (fault.times !== undefined) fault.times--;
			return fault;
		}
		return undefined;
	}
}
