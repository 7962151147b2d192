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
	private sequence = 0;
	private readonly pending = new Set<Promise<void>>();

	constructor(
		private readonly signing: SigningKey,
		private readonly site: { instanceId: string; siteId: string; accountId: string },
	) {}

	/** Forgets what was delivered and the faults; targets stay registered across resets. */
	reset() {
		this.deliveries.length = 0;
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

	/** Resolves when every delivery started so far, and any they started, has finished. */
	async settle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	/** Waits for the deliveries under way now (closing does not wait for later ones). */
	async drain(): Promise<void> {
		await Promise.allSettled([...this.pending]);
	}
}
