// Values users type or map in many shapes: comma-separated text or arrays, emails in any case.

/** A comma-separated text or an array, trimmed, without empty entries. */
export function splitList(value: string | string[] | undefined | null): string[] {
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** An email as Wix compares it: trimmed and lower-case. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** `list` cut into runs of at most `size`, for APIs that take a batch of that size per request. */
export function chunks<T>(list: T[], size: number): T[][] {
	const runs: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		runs.push(list.slice(start, start + size));
	return runs;
}
