/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The admin API under /_sandbox (no Wix API lives there): tests and benchmarks reset and seed the
// site, read the request log, tune limits, inject faults and register webhook targets. What is
// about one Wix API (roles, sign-ups, form submissions, read-outs) comes from that API's module.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Auth } from './auth';
import { newApiKey } from './auth';
import type { SiteContext } from './context';
import type { Faults } from './faults';
import { readBody, sendJson } from './http';
import type { RateLimit } from './rateLimit';
import type { RequestLog } from './requestLog';
import { matchRoute } from './router';
import type { Webhooks, WebhookTarget } from './webhooks';
import type { SigningKey } from './webhookJwt';

/** An admin answer other than 200: the admin API's errors are a bare `{message}`. */
export class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export interface AdminRequest<S = unknown> {
	/** Acts as the site's owner would: API-key identity, automations fire. */
	ctx: SiteContext<S>;
	/** The `{name}` segments of the path, in order, URL-decoded. */
	params: string[];
	body: Record<string, any>;
}

export interface AdminRoute<S = unknown> {
	method: string;
	path: string;
	run: (request: AdminRequest<S>) => unknown;
}

export function adminRoutesFor<S>() {
	return (
		method: string,
		path: string,
		run: (request: AdminRequest<S>) => unknown,
	): AdminRoute<S> => ({ method, path, run });
}

/** What the generic admin routes reach into. */
export interface AdminHost {
	credentials(): Record<string, unknown>;
	signing: SigningKey;
	/** Fresh state from a seed; throws on an unknown seed. */
	reset(seed: string): void;
	contactCount(): number;
	state(): Record<string, unknown>;
	requests: RequestLog;
	auth: Auth;
	rateLimit: RateLimit;
	latency: { ms: number };
	faults: Faults;
	webhooks: Webhooks;
}

export function coreAdminRoutes(host: AdminHost): AdminRoute[] {
	const route = adminRoutesFor<unknown>();
	return [
		route('GET', '/credentials', () => host.credentials()),
		route('GET', '/public-key', () => ({
			publicKey: host.signing.publicKeyPem,
			kid: host.signing.kid,
		})),
		route('POST', '/reset', ({ body }) => {
			try {
				host.reset(body.seed ?? 'empty');
			} catch (error) {
				throw new AdminError(400, (error as Error).message);
			}
			return { contacts: host.contactCount() };
		}),
		route('GET', '/state', () => host.state()),
		route('GET', '/requests', () => ({ requests: host.requests.entries })),
		route('DELETE', '/requests', () => {
			host.requests.clear();
			return {};
		}),
		route('GET', '/counts', () => ({
			total: host.requests.entries.length,
			counts: host.requests.counts(),
			mostInFlight: host.requests.mostInFlight,
		})),
		route('POST', '/config', ({ body }) => {
			if (body.rateLimitPerMinute !== undefined)
				host.rateLimit.perMinute = Number(body.rateLimitPerMinute);
			if (body.tokenTtlSeconds !== undefined)
				host.auth.tokenTtlSeconds = Number(body.tokenTtlSeconds);
			if (body.latencyMs !== undefined) host.latency.ms = Number(body.latencyMs);
			if (body.sendRetryAfter !== undefined)
				host.rateLimit.sendRetryAfter = Boolean(body.sendRetryAfter);
			host.rateLimit.clear();
			return {
				rateLimitPerMinute: host.rateLimit.perMinute,
				tokenTtlSeconds: host.auth.tokenTtlSeconds,
				latencyMs: host.latency.ms,
				sendRetryAfter: host.rateLimit.sendRetryAfter,
			};
		}),
		route('POST', '/faults', ({ body }) => ({ fault: host.faults.add(body) })),
		route('DELETE', '/faults', () => {
			host.faults.clear();
			return {};
		}),
		route('POST', '/tokens/expire', () => ({ expired: host.auth.expireTokens() })),
		// `{account: true}` makes a key for every site of the account; `siteId` one for that site.
		route('POST', '/api-keys', ({ body }) =>
			host.auth.addApiKey(String(body.key ?? newApiKey()), body.permissions ?? ['read', 'manage'], {
				siteId: typeof body.siteId === 'string' ? body.siteId : undefined,
				account: body.account === true,
			}),
		),
		route('POST', '/webhooks', ({ body }) => {
			if (typeof body.url !== 'string') throw new AdminError(400, 'url is required');
			const target: WebhookTarget = {
				id: randomUUID(),
				url: body.url,
				contentType: body.contentType ?? 'text/plain',
			};
			host.webhooks.targets.push(target);
			return { target };
		}),
		route('GET', '/webhooks', () => ({ targets: host.webhooks.targets })),
		route('DELETE', '/webhooks', () => {
			host.webhooks.targets.length = 0;
			return {};
		}),
		route('GET', '/webhooks/deliveries', async () => {
			await host.webhooks.settle();
			return { deliveries: host.webhooks.deliveries };
		}),
		route('POST', '/webhooks/redeliver', async ({ body }) => {
			await host.webhooks.settle();
			const redelivered = host.webhooks.redeliver(
				typeof body.origin === 'string' ? body.origin : undefined,
			);
			await host.webhooks.settle();
			return { redelivered };
		}),
		route('POST', '/webhooks/faults', ({ body }) => {
			host.webhooks.faults = {
				copies: Number(body.copies ?? 1),
				delayMs: Number(body.delayMs ?? 0),
			};
			return host.webhooks.faults;
		}),
	];
}

/** Serves one admin request; `path` is what follows /_sandbox. */
export async function handleAdmin<S>(
	req: IncomingMessage,
	res: ServerResponse,
	method: string,
	path: string,
	requestId: string,
	routes: AdminRoute<S>[],
	ctx: () => SiteContext<S>,
) {
	let body: Record<string, any> = {};
	try {
		const raw = await readBody(req);
		body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
	} catch {
		return sendJson(res, 400, { message: 'admin body must be JSON' }, requestId);
	}
	const found = matchRoute(routes, method, path.split('/').filter(Boolean));
	if (!found) return sendJson(res, 404, { message: `no admin route ${method} ${path}` }, requestId);
	try {
		const result = await found.route.run({
			ctx: ctx(),
			params: found.params.map(decodeURIComponent),
			body,
		});
		sendJson(res, 200, result, requestId);
	} catch (error) {
		if (!(error instanceof AdminError)) throw error;
		sendJson(res, error.status, { message: error.message }, requestId);
	}
}
