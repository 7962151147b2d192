// Wix's per-site budget (wix-api.md H.3): a sliding minute shared by every caller of the site.
import { WixHttpError } from './errors';

export function rateLimitedBody() {
	return {
		message: 'Too many requests',
		details: {
			applicationError: {
				code: 'RESOURCE_EXHAUSTED',
				description: 'Rate limit exceeded: about 200 requests per minute per site',
			},
		},
	};
}

export class RateLimit {
	/** Whether a 429 says when to retry; Wix's does not promise it, so tests try both. */
	sendRetryAfter = false;
	private readonly window: number[] = [];

	constructor(public perMinute: number) {}

	/** Counts the request, or throws the 429 when the minute's budget is spent. 0 turns the limit off. */
	check() {
		if (this.perMinute <= 0) return;
		const now = Date.now();
		while (this.window.length && this.window[0] <= now - 60_000) this.window.shift();
		if (this.window.length >= this.perMinute) {
			const retry = Math.ceil((this.window[0] + 60_000 - now) / 1000);
			throw new WixHttpError(
				429,
				rateLimitedBody(),
				this.sendRetryAfter ? { 'Retry-After': String(retry) } : {},
			);
		}
		this.window.push(now);
	}

	clear() {
		this.window.length = 0;
	}
}
