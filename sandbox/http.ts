// Request parsing the way Wix's SDK builds requests (wix-api.md 1.2).
import type { IncomingMessage } from 'node:http';

export type Query = Record<string, unknown>;

function setPath(target: Query, path: string[], value: unknown) {
	let node = target;
	for (let k = 0; k < path.length - 1; k++) {
		const next = node[path[k]];
		if (typeof next !== 'object' || next === null || Array.isArray(next)) node[path[k]] = {};
		node = node[path[k]] as Query;
	}
	const last = path[path.length - 1];
	const existing = node[last];
	if (existing === undefined) node[last] = value;
	else if (Array.isArray(existing)) existing.push(value);
	else node[last] = [existing, value];
}

/** Dotted keys become nested objects, repeated keys arrays, and `.r` carries base64url JSON. */
export function parseQueryString(search: URLSearchParams): Query {
	const out: Query = {};
	for (const [key, value] of search) {
		if (key === '.r') {
			const json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Query;
			Object.assign(out, json);
			continue;
		}
		setPath(out, key.split('.'), value);
	}
	return out;
}

export function asArray(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	return (Array.isArray(value) ? value : [value]).map(String);
}

export async function readBody(req: IncomingMessage, maxBytes = 10 * 1024 * 1024): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) throw new Error('body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}
