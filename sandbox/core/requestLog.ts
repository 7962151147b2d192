// Every Wix API request the sandbox answered, for tests that count calls per endpoint.

export interface LogEntry {
	at: string;
	method: string;
	path: string;
	/** `METHOD /path/{param}` as the route names it, so calls to one endpoint count together. */
	endpoint: string;
	/** 0 when a fault dropped the connection. */
	status: number;
	requestId: string;
	auth: 'apiKey' | 'app' | 'site' | 'none';
}

export class RequestLog {
	readonly entries: LogEntry[] = [];
	private inFlight = 0;
	/** The most API requests under way at one time since the last clear, for concurrency tests. */
	mostInFlight = 0;

	begin() {
		this.inFlight++;
		this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
	}

	end() {
		this.inFlight--;
	}

	add(entry: LogEntry) {
		this.entries.push(entry);
	}

	clear() {
		this.entries.length = 0;
		this.mostInFlight = this.inFlight;
	}

	counts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const entry of this.entries) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
		return counts;
	}
}
