/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Request parsing the way Wix's SDK builds requests (wix-api.md 1.2).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { validationError } from './errors';

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

/** Wix takes JSON objects only; GET bodies are ignored. */
export function parseJsonBody(
	raw: Buffer,
	contentType: string | undefined,
	method: string,
): Record<string, any> {
	if (!raw.length) return {};
	if (method === 'GET') return {};
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') {
		throw validationError([
			{
				field: 'body',
				description: `must be JSON (Content-Type application/json), got ${type || 'no Content-Type'}`,
			},
		]);
	}
	try {
		const parsed = JSON.parse(raw.toString('utf8'));
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
			throw new Error('not an object');
		return parsed;
	} catch {
		throw validationError([{ field: 'body', description: 'is not a valid JSON object' }]);
	}
}

/** Every answer, errors included, is JSON with an `X-Wix-Request-Id`. */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	requestId: string,
	headers: Record<string, string> = {},
) {
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'X-Wix-Request-Id': requestId,
		...headers,
	});
	res.end(JSON.stringify(body));
}
