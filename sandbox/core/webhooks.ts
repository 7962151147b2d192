/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Everything the sandbox POSTs out: app webhooks (signed JWTs to the registered targets) and the
// "send via webhook" action of Wix Automations share one delivery loop, one log and one set of faults.
import type { DomainEventInput } from './context';
import type { Caller } from './router';
import { buildEventJwt, type SigningKey } from './webhookJwt';

export interface WebhookTarget {
	id: string;
	url: string;
	/** Content-Type the delivery uses; Wix's is not documented, so tests try both. */
	contentType: string;
}

export interface Delivery {
	targetId: string;
	eventId: string;
	eventType: string;
	status: number | 'error';
	at: string;
}

export interface WebhookFaults {
	/** Send every event this many times (Wix retries when an answer is late). */
	copies: number;
	/** Hold each delivery this long before sending it. */
	delayMs: number;
}

export interface Outgoing {
	url: string;
	contentType: string;
	body: string;
	delayMs: number;
	/** How the delivery log names it. */
	targetId: string;
	eventId: string;
	eventType: string;
}

export class Webhooks {
	readonly targets: WebhookTarget[] = [];
	readonly deliveries: Delivery[] = [];
	faults: WebhookFaults = { copies: 1, delayMs: 0 };
	/** Every delivery sent, once each, for `redeliver`. */
	private readonly sent: Outgoing[] = [];
	private sequence = 0;
	private readonly pending = new Set<Promise<void>>();

	constructor(
		private readonly signing: SigningKey,
		private readonly site: { instanceId: string; siteId: string; accountId: string },
	) {}

	/** Forgets what was delivered and the faults; targets stay registered across resets. */
	reset() {
		this.deliveries.length = 0;
		this.sent.length = 0;
		this.faults = { copies: 1, delayMs: 0 };
	}

	/** An app webhook for one change, signed as Wix signs it, to every target. */
	emit(event: DomainEventInput, caller: Caller) {
		if (!this.targets.length) return;
		const identity =
			caller.kind === 'app'
				? { identityType: 'APP', appId: caller.appId }
				: { identityType: 'WIX_USER', wixUserId: this.site.accountId };
		const { jwt, eventId, eventType } = buildEventJwt(
			event,
			this.site,
			identity,
			this.signing,
			++this.sequence,
		);
		for (const target of [...this.targets]) {
			this.send({
				url: target.url,
				contentType: target.contentType,
				body: jwt,
				delayMs: this.faults.delayMs,
				targetId: target.id,
				eventId,
				eventType,
			});
		}
	}

	/** Sends in the background: waits `delayMs`, then POSTs as many copies as the faults ask for. */
	send(outgoing: Outgoing) {
		this.sent.push(outgoing);
		this.dispatch(outgoing);
	}

	private dispatch(outgoing: Outgoing) {
		const copies = Math.max(1, this.faults.copies);
		const run = async () => {
			if (outgoing.delayMs) await new Promise((r) => setTimeout(r, outgoing.delayMs));
			for (let copy = 0; copy < copies; copy++) await this.post(outgoing);
		};
		const promise = run().finally(() => this.pending.delete(promise));
		this.pending.add(promise);
	}

	private async post({ url, contentType, body, targetId, eventId, eventType }: Outgoing) {
		let status: number | 'error' = 'error';
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': contentType },
				body,
			});
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = 'error';
		}
		this.deliveries.push({ targetId, eventId, eventType, status, at: new Date().toISOString() });
	}

	/**
	 * Sends every delivery made since the reset once more, as Wix does when it took an answer for
	 * lost (an n8n restart, a timeout). `origin` sends them to another host with the same path and
	 * query, e.g. a second n8n webhook processor.
	 */
	redeliver(origin?: string): number {
		const again = [...this.sent];
		for (const outgoing of again) {
			const url = new URL(outgoing.url);
			const to = origin ? new URL(url.pathname + url.search, origin).toString() : outgoing.url;
			this.dispatch({ ...outgoing, url: to, delayMs: 0 });
		}
		return again.length;
	}

	/** Resolves when every delivery started so far, and any they started, has finished. */
	async settle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	/** Waits for the deliveries under way now (closing does not wait for later ones). */
	async drain(): Promise<void> {
		await Promise.allSettled([...this.pending]);
	}
}
