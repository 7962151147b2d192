// A create Wix cannot recognise when sent twice (no idempotency key): after a lost answer (a 5xx or
// a dropped connection, so it may have landed) the thing is looked for before the error is
// reported or the create sent once more.
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { answerWasLost } from '../transport';
import { backoffDelay } from '../transport/backoff';

/** How many times a create whose answer was lost is looked for and, if it did not land, sent. */
export const LOST_ANSWER_ATTEMPTS = 2;

/**
 * Room for the difference between this machine's clock and Wix's when a look compares creation
 * dates with the time of the send.
 */
export const CLOCK_SLACK_MS = 60_000;

/**
 * Runs `send`; when its answer is lost, waits a moment (Wix may still be carrying it out) and runs
 * `findLanded` with the time of the first send (a first create may land late, after a resend).
 * A failed look reports the first failure: without it a second send could make a second one.
 */
export async function createLookingFirst<T>(
	ctx: IExecuteFunctions,
	send: () => Promise<T>,
	findLanded: (sentAt: number) => Promise<T | undefined>,
): Promise<T> {
	const sentAt = Date.now();
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			if (!answerWasLost(error)) throw new NodeApiError(ctx.getNode(), error as JsonObject);
			await sleep(backoffDelay(attempt - 1));
			let landed: T | undefined;
			try {
				landed = await findLanded(sentAt);
			} catch {
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
			}
			if (landed !== undefined) return landed;
			if (attempt >= LOST_ANSWER_ATTEMPTS)
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	}
}
