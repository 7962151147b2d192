// When and how long to wait before retrying a failed Wix request.

export const MAX_ATTEMPTS = 5;
/**
 * Wix counts requests per site per minute, including other apps' and other runs'; when it throttles
 * without saying how long, waiting must be able to span that minute.
 */
export const MAX_THROTTLED_ATTEMPTS = 9;
const BASE_DELAY_MS = 500;
const THROTTLED_BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
]);

/** Only throttling, server-side failures and dropped connections are retried; other 4xx never are. */
export function isRetryable(status: number | undefined, networkCode: string | undefined): boolean {
	if (status === undefined)
		return networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(networkCode);
	return status === 429 || status >= 500;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds, capped. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const seconds = Number(text);
	let ms: number;
	if (Number.isFinite(seconds)) ms = seconds * 1000;
	else {
		const date = Date.parse(text);
		if (Number.isNaN(date)) return undefined;
		ms = date - now;
	}
	return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

export function maxAttempts(status: number | undefined): number {
	return status === 429 ? MAX_THROTTLED_ATTEMPTS : MAX_ATTEMPTS;
}

/** Exponential backoff with jitter (between half and all of the step), unless Wix said how long. */
export function backoffDelay(
	attempt: number,
	retryAfterMs?: number,
	random: () => number = Math.random,
	status?: number,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const base = status === 429 ? THROTTLED_BASE_DELAY_MS : BASE_DELAY_MS;
	const step = Math.min(MAX_DELAY_MS, base * 2 ** attempt);
	return Math.round(step * (0.5 + random() / 2));
}
