// Client-side pacing so long runs stay under Wix's per-site request budget instead of hitting 429s.

/**
 * A second longer than Wix's minute: Wix counts requests when they arrive, and latency that varies
 * from one request to the next could otherwise put one more than the budget into Wix's minute.
 */
export const WINDOW_MS = 61_000;

/** How long to wait before one more request may start, given the start times in the last minute. */
export function delayBeforeNext(startTimes: number[], perMinute: number, now: number): number {
	if (perMinute <= 0) return 0;
	const recent = startTimes.filter((t) => t > now - WINDOW_MS);
	if (recent.length < perMinute) return 0;
	return recent[recent.length - perMinute] + WINDOW_MS - now;
}

export class RequestPacer {
	private readonly startTimes = new Map<string, number[]>();

	/** Reserves a slot for `key` and returns how long the caller must wait before sending. */
	reserve(key: string, perMinute: number, now = Date.now()): number {
		if (perMinute <= 0) return 0;
		const times = (this.startTimes.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
		const wait = Math.max(0, delayBeforeNext(times, perMinute, now));
		times.push(now + wait);
		this.startTimes.set(key, times);
		return wait;
	}
}

/** One pacer for the whole n8n process, so parallel executions against one site share the budget. */
export const sharedPacer = new RequestPacer();
