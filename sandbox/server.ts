// The local Wix sandbox: an HTTP server that answers like www.wixapis.com for the APIs in
// wix-api.md, plus an admin API under /_sandbox for tests and benchmarks.
import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AutomationsStore } from './automations';
import * as contacts from './contacts';
import { appError, validationError, WixHttpError } from './errors';
import { parseQueryString, readBody } from './http';
import * as labels from './labels';
import { LoyaltyStore } from './loyalty';
import * as siteFunctions from './siteFunctions';
import * as subscriptions from './subscriptions';
import { seedSite } from './seed';
import { SiteState } from './state';
import type { GetAppInstanceResponse } from './types';
import { buildEventJwt, generateSigningKey, keyFromPem, type Delivery, type DomainEventInput, type WebhookFaults, type WebhookTarget } from './webhooks';

export interface SandboxOptions {
	port?: number;
	host?: string;
	seed?: string;
	apiKey?: string;
	siteId?: string;
	accountId?: string;
	appId?: string;
	appSecret?: string;
	instanceId?: string;
	/** Shared secret of the emulated site backend functions (velo/http-functions.js). */
	siteSecret?: string;
	/** PEM of the RSA key webhooks are signed with; generated when absent. */
	privateKeyPem?: string;
	rateLimitPerMinute?: number;
	tokenTtlSeconds?: number;
}

export interface SandboxCredentials {
	apiKey: string;
	siteId: string;
	accountId: string;
	appId: string;
	appSecret: string;
	instanceId: string;
	siteSecret: string;
	publicKey: string;
}

type Caller = { kind: 'apiKey'; key: string } | { kind: 'app'; appId: string };

interface Fault {
	id: string;
	kind: 'status' | 'reset' | 'timeout' | 'concurrentUpdate';
	/** For concurrentUpdate: what another writer changes on the contact just before this request. */
	info?: Record<string, unknown>;
	/** For concurrentUpdate on a request that names no contact (a query): which contact. */
	contactId?: string;
	method?: string;
	pathPrefix?: string;
	status?: number;
	/** Remaining times this fault fires; undefined = unlimited (use with rate). */
	times?: number;
	rate?: number;
	/** Fires on every Nth matching request (deterministic storms). */
	every?: number;
	seen?: number;
	delayMs?: number;
	retryAfter?: number;
}

interface LogEntry {
	at: string;
	method: string;
	path: string;
	endpoint: string;
	status: number;
	requestId: string;
	auth: 'apiKey' | 'app' | 'site' | 'none';
}

interface RouteMatch {
	endpoint: string;
	permission: 'read' | 'manage';
	run: (ctx: contacts.ContactsContext) => unknown;
}

const READ = 'read' as const;
const MANAGE = 'manage' as const;

export class WixSandbox {
	site = new SiteState();
	automations = new AutomationsStore();
	loyalty = new LoyaltyStore();
	readonly creds: SandboxCredentials;
	private readonly signing: { privateKey: KeyObject; publicKeyPem: string; kid: string };
	private readonly apiKeys = new Map<string, Set<string>>();
	private readonly tokens = new Map<string, { expiresAt: number }>();
	private rateLimitPerMinute: number;
	private tokenTtlSeconds: number;
	private sendRetryAfter = false;
	private latencyMs = 0;
	private faults: Fault[] = [];
	private readonly rateWindow: number[] = [];
	readonly log: LogEntry[] = [];
	readonly targets: WebhookTarget[] = [];
	readonly deliveries: Delivery[] = [];
	private webhookFaults: WebhookFaults = { copies: 1, delayMs: 0 };
	private eventSequence = 0;
	private pendingDeliveries = new Set<Promise<void>>();
	private server?: Server;
	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		const guid = () => randomUUID();
		this.signing = options.privateKeyPem ? { ...keyFromPem(options.privateKeyPem), kid: 'sandbox' } : generateSigningKey();
		this.creds = {
			apiKey: options.apiKey ?? `IST.${randomBytes(24).toString('base64url')}`,
			siteId: options.siteId ?? guid(),
			accountId: options.accountId ?? guid(),
			appId: options.appId ?? guid(),
			appSecret: options.appSecret ?? randomBytes(16).toString('hex'),
			instanceId: options.instanceId ?? guid(),
			siteSecret: options.siteSecret ?? randomBytes(16).toString('hex'),
			publicKey: this.signing.publicKeyPem,
		};
		this.apiKeys.set(this.creds.apiKey, new Set([READ, MANAGE]));
		this.rateLimitPerMinute = options.rateLimitPerMinute ?? 200;
		this.tokenTtlSeconds = options.tokenTtlSeconds ?? 14400;
		this.reset(options.seed ?? 'empty');
	}

	reset(seed: string) {
		this.site = new SiteState();
		this.automations = new AutomationsStore();
		this.loyalty = new LoyaltyStore();
		seedSite({ site: this.site, emit: () => undefined, caller: { kind: 'apiKey' } }, seed);
		this.log.length = 0;
		this.rateWindow.length = 0;
		this.faults = [];
		this.deliveries.length = 0;
		this.webhookFaults = { copies: 1, delayMs: 0 };
	}

	async listen(port = this.options.port ?? 0, host = this.options.host ?? '127.0.0.1'): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent) this.send(res, 500, { message: String(error), details: {} }, randomUUID());
			});
		});
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
		return this.url;
	}

	async close(): Promise<void> {
		await Promise.allSettled([...this.pendingDeliveries]);
		await new Promise<void>((resolve) => {
			if (!this.server) return resolve();
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}

	counts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const entry of this.log) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
		return counts;
	}

	/** Resolves when every webhook delivery started so far has finished. */
	async settleWebhooks(): Promise<void> {
		while (this.pendingDeliveries.size) await Promise.allSettled([...this.pendingDeliveries]);
	}

	private send(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}) {
		res.writeHead(status, { 'Content-Type': 'application/json', 'X-Wix-Request-Id': requestId, ...headers });
		res.end(JSON.stringify(body));
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const requestId = randomUUID();
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname.startsWith('/_sandbox/')) return await this.handleAdmin(req, res, url, method, requestId);

		if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
		let endpoint = `${method} ${url.pathname}`;
		let auth: LogEntry['auth'] = 'none';
		let status = 500;
		const record = () => this.log.push({ at: new Date().toISOString(), method, path: url.pathname, endpoint, status, requestId, auth });
		try {
			const raw = await readBody(req);
			const fault = this.takeFault(method, url.pathname);
			if (fault?.kind === 'reset') {
				status = 0;
				record();
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'timeout') {
				status = 0;
				record();
				await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'status') {
				const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
				throw new WixHttpError(fault.status ?? 500, fault.status === 429 ? rateLimitedBody() : { message: '', details: {} }, headers);
			}
			const body = parseJsonBody(raw, req.headers['content-type'], method);
			if (fault?.kind === 'concurrentUpdate') this.writeConcurrently(fault.contactId ?? url.pathname, fault.info ?? {});
			if (method === 'POST' && url.pathname === '/oauth2/token') {
				endpoint = 'POST /oauth2/token';
				const result = this.mintToken(body);
				status = 200;
				record();
				return this.send(res, 200, result, requestId);
			}
			if (url.pathname.startsWith('/_functions/')) {
				auth = 'site';
				const result = this.siteFunction(req, method, url.pathname, body);
				status = 200;
				record();
				return this.send(res, 200, result, requestId);
			}
			const caller = this.authenticate(req);
			auth = caller.kind;
			this.checkRateLimit();
			const qs = parseQueryString(url.searchParams);
			const route = this.route(method, url.pathname, body, qs, caller);
			if (!route) throw new WixHttpError(404, { message: `No API at ${method} ${url.pathname}`, details: {} });
			endpoint = route.endpoint;
			if (caller.kind === 'apiKey' && !this.apiKeys.get(caller.key)!.has(route.permission)) {
				throw appError(403, 'PERMISSION_DENIED', `The API key lacks the permission to ${route.permission} this resource`);
			}
			const ctx = this.context(caller);
			const result = route.run(ctx);
			status = 200;
			record();
			this.send(res, 200, result ?? {}, requestId);
		} catch (error) {
			if (error instanceof WixHttpError) {
				status = error.status;
				record();
				return this.send(res, error.status, error.body, requestId, error.headers);
			}
			status = 500;
			record();
			this.send(res, 500, { message: '', details: {} }, requestId);
			if (!(error instanceof Error && error.message === 'body too large')) console.error('[sandbox]', error);
		}
	}

	private takeFault(method: string, path: string): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.method && fault.method !== method) continue;
			if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) continue;
			if (fault.times !== undefined && fault.times <= 0) continue;
			if (fault.every) {
				fault.seen = (fault.seen ?? 0) + 1;
				if (fault.seen % fault.every !== 0) continue;
			}
			if (fault.rate !== undefined && Math.random() >= fault.rate) continue;
			if (fault.times !== undefined) fault.times--;
			return fault;
		}
		return undefined;
	}

	/** Another writer's update landing just before this request, as happens on a busy site. */
	private writeConcurrently(pathOrId: string, info: Record<string, unknown>) {
		const id = pathOrId.startsWith('/') ? /^\/contacts\/v4\/contacts\/([^/]+)/.exec(pathOrId)?.[1] : pathOrId;
		const current = id ? this.site.contacts.get(decodeURIComponent(id)) : undefined;
		if (!current) return;
		contacts.updateContact({ site: this.site, emit: (e) => this.emit(e, { kind: 'apiKey', key: '' }), caller: { kind: 'apiKey' } }, current.id!, {
			revision: current.revision,
			info,
		});
	}

	private context(caller: Caller): contacts.ContactsContext {
		return {
			site: this.site,
			emit: (event) => this.emit(event, caller),
			caller: caller.kind === 'app' ? { kind: 'app', appId: caller.appId } : { kind: 'apiKey' },
			fire: (triggerKey, payload) => this.fireAutomations(triggerKey, payload),
		};
	}

	/** "Send via webhook": a plain JSON POST of the trigger's payload under `data`, unsigned. */
	private fireAutomations(triggerKey: string, payload: Record<string, unknown>) {
		for (const url of this.automations.targetsFor(triggerKey)) {
			const body = JSON.stringify({ data: { ...payload, triggerKey } });
			const send = async () => {
				let status: number | 'error' = 'error';
				try {
					const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
					status = response.status;
					await response.arrayBuffer();
				} catch {
					status = 'error';
				}
				this.deliveries.push({ targetId: `automation:${url}`, eventId: '', eventType: triggerKey, status, at: new Date().toISOString() });
			};
			const promise = (async () => {
				for (let copy = 0; copy < Math.max(1, this.webhookFaults.copies); copy++) await send();
			})().finally(() => this.pendingDeliveries.delete(promise));
			this.pendingDeliveries.add(promise);
		}
	}

	private siteFunction(req: IncomingMessage, method: string, path: string, body: Record<string, any>) {
		if (req.headers.authorization !== `Bearer ${this.creds.siteSecret}`) throw appError(401, 'UNAUTHENTICATED', 'Wrong or missing shared secret');
		const ctx = this.context({ kind: 'apiKey', key: '' });
		const name = path.slice('/_functions/'.length);
		if (method === 'POST' && name === 'ping') return { ok: true };
		if (method === 'POST' && name === 'emailContact') return siteFunctions.emailContact(ctx, body);
		throw new WixHttpError(404, { message: `No backend function ${method} ${name}`, details: {} });
	}

	private mintToken(body: Record<string, any>) {
		if (body.grant_type !== 'client_credentials') {
			throw appError(400, 'INVALID_GRANT_TYPE', `grant_type must be client_credentials, got ${JSON.stringify(body.grant_type)}`);
		}
		if (body.client_id !== this.creds.appId || body.client_secret !== this.creds.appSecret) {
			throw appError(401, 'UNAUTHENTICATED', 'Invalid client_id or client_secret');
		}
		if (body.instance_id !== this.creds.instanceId) {
			throw appError(400, 'INVALID_INSTANCE_ID', `The app is not installed on an instance with ID ${JSON.stringify(body.instance_id)}`);
		}
		const token = `OAUTH2.${randomBytes(32).toString('base64url')}`;
		this.tokens.set(token, { expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
		return { access_token: token, token_type: 'Bearer', expires_in: this.tokenTtlSeconds };
	}

	private authenticate(req: IncomingMessage): Caller {
		const header = req.headers.authorization;
		if (!header) throw appError(401, 'UNAUTHENTICATED', 'Missing Authorization header');
		if (/^bearer\s/i.test(header)) {
			throw appError(401, 'UNAUTHENTICATED', 'Send the raw API key or access token in Authorization, without "Bearer "');
		}
		if (this.apiKeys.has(header)) {
			const siteId = req.headers['wix-site-id'];
			if (!siteId) throw appError(403, 'PERMISSION_DENIED', 'Site-level APIs need the wix-site-id header');
			if (siteId !== this.creds.siteId) throw appError(403, 'PERMISSION_DENIED', `The API key has no access to site ${String(siteId)}`);
			return { kind: 'apiKey', key: header };
		}
		const token = this.tokens.get(header);
		if (!token) throw appError(401, 'UNAUTHENTICATED', 'Invalid API key or access token');
		if (token.expiresAt <= Date.now()) throw appError(401, 'UNAUTHENTICATED', 'The access token has expired');
		return { kind: 'app', appId: this.creds.appId };
	}

	private checkRateLimit() {
		if (this.rateLimitPerMinute <= 0) return;
		const now = Date.now();
		while (this.rateWindow.length && this.rateWindow[0] <= now - 60_000) this.rateWindow.shift();
		if (this.rateWindow.length >= this.rateLimitPerMinute) {
			const retry = Math.ceil((this.rateWindow[0] + 60_000 - now) / 1000);
			throw new WixHttpError(429, rateLimitedBody(), this.sendRetryAfter ? { 'Retry-After': String(retry) } : {});
		}
		this.rateWindow.push(now);
	}

	private route(method: string, path: string, body: Record<string, any>, qs: Record<string, any>, caller: Caller): RouteMatch | undefined {
		const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
		const is = (m: string, pattern: string) => {
			if (m !== method) return undefined;
			const parts = pattern.split('/').filter(Boolean);
			if (parts.length !== seg.length) return undefined;
			const params: string[] = [];
			for (let k = 0; k < parts.length; k++) {
				if (parts[k].startsWith('{')) params.push(seg[k]);
				else if (parts[k] !== seg[k]) return undefined;
			}
			return params;
		};
		const r = (pattern: string, permission: 'read' | 'manage', run: (ctx: contacts.ContactsContext, p: string[]) => unknown, m = method) => {
			const p = is(m, pattern);
			return p ? { endpoint: `${m} ${pattern}`, permission, run: (ctx: contacts.ContactsContext) => run(ctx, p) } : undefined;
		};
		return (
			r('/contacts/v4/contacts/query', READ, (c) => contacts.queryContacts(c, body), 'POST') ??
			r('/contacts/v4/contacts', MANAGE, (c) => contacts.createContact(c, body), 'POST') ??
			r('/contacts/v4/contacts', READ, (c) => contacts.listContacts(c, qs), 'GET') ??
			r('/contacts/v4/contacts/{id}', READ, (c, [id]) => contacts.getContact(c, id, qs), 'GET') ??
			r('/contacts/v4/contacts/{id}', MANAGE, (c, [id]) => contacts.updateContact(c, id, body), 'PATCH') ??
			r('/contacts/v4/contacts/{id}', MANAGE, (c, [id]) => contacts.deleteContact(c, id), 'DELETE') ??
			r('/contacts/v4/contacts/{id}/merge', MANAGE, (c, [id]) => contacts.mergeContacts(c, id, body), 'POST') ??
			r('/contacts/v4/contacts/{id}/preview-merge', READ, (c, [id]) => contacts.previewMerge(c, id, body), 'POST') ??
			r('/contacts/v4/contacts/{id}/labels', MANAGE, (c, [id]) => contacts.labelContact(c, id, body.labelKeys, true), 'POST') ??
			r('/contacts/v4/contacts/{id}/labels', MANAGE, (c, [id]) => contacts.labelContact(c, id, qs.labelKeys, false), 'DELETE') ??
			r('/contacts/v4/labels/query', READ, (c) => labels.queryLabels(c, body), 'POST') ??
			r('/contacts/v4/labels', MANAGE, (c) => labels.findOrCreateLabel(c, body), 'POST') ??
			r('/contacts/v4/labels', READ, (c) => labels.listLabels(c, qs), 'GET') ??
			r('/contacts/v4/labels/{key}', READ, (c, [key]) => labels.getLabel(c, key), 'GET') ??
			r('/contacts/v4/labels/{key}', MANAGE, (c, [key]) => labels.renameLabel(c, key, body), 'PATCH') ??
			r('/contacts/v4/labels/{key}', MANAGE, (c, [key]) => labels.deleteLabel(c, key), 'DELETE') ??
			r('/contacts/v4/extended-fields/query', READ, (c) => labels.queryFields(c, body), 'POST') ??
			r('/contacts/v4/extended-fields', MANAGE, (c) => labels.findOrCreateField(c, body), 'POST') ??
			r('/contacts/v4/extended-fields', READ, (c) => labels.listFields(c, qs), 'GET') ??
			r('/contacts/v4/extended-fields/{key}', READ, (c, [key]) => labels.getField(c, key), 'GET') ??
			r('/contacts/v4/extended-fields/{key}', MANAGE, (c, [key]) => labels.renameField(c, key, body), 'PATCH') ??
			r('/contacts/v4/extended-fields/{key}', MANAGE, (c, [key]) => labels.deleteField(c, key), 'DELETE') ??
			r('/email-marketing/v1/email-subscriptions/query', READ, (c) => subscriptions.querySubscriptions(c, body), 'POST') ??
			r('/email-marketing/v1/email-subscriptions/bulk', MANAGE, (c) => subscriptions.bulkUpsertSubscriptions(c, body), 'POST') ??
			r('/email-marketing/v1/email-subscriptions', MANAGE, (c) => subscriptions.upsertSubscription(c, body), 'POST') ??
			r('/loyalty-programs/v1/program', READ, () => this.loyalty.getProgram(), 'GET') ??
			r('/loyalty-programs/v1/program/activate', MANAGE, (c) => this.loyalty.activate(c), 'POST') ??
			r('/loyalty-accounts/v1/accounts/query', READ, () => this.loyalty.queryAccounts(body), 'POST') ??
			r('/loyalty-accounts/v1/accounts', MANAGE, (c) => this.loyalty.createAccount(c, body), 'POST') ??
			r('/loyalty-accounts/v1/accounts/{id}', READ, (_, [id]) => this.loyalty.getAccount(id), 'GET') ??
			r('/loyalty-accounts/v1/accounts/{id}/earn-points', MANAGE, (c, [id]) => this.loyalty.earnPoints(c, id, body), 'POST') ??
			r('/loyalty-accounts/v1/accounts/{id}/adjust-points', MANAGE, (c, [id]) => this.loyalty.adjustPoints(c, id, body), 'POST') ??
			r('/members/v1/members/query', READ, () => this.loyalty.queryMembers(body), 'POST') ??
			r('/automations-service/v2/automations/query', READ, () => this.automations.query(body), 'POST') ??
			r('/automations-service/v2/automations', MANAGE, (c) => this.automations.create(c, body), 'POST') ??
			r('/automations-service/v2/automations/{id}', READ, (_, [id]) => this.automations.get(id), 'GET') ??
			r('/automations-service/v2/automations/{id}', MANAGE, (_, [id]) => this.automations.delete(id), 'DELETE') ??
			r('/apps/v1/instance', READ, () => this.appInstance(caller), 'GET')
		);
	}

	private appInstance(caller: Caller): GetAppInstanceResponse {
		if (caller.kind !== 'app') throw appError(403, 'PERMISSION_DENIED', 'Get App Instance needs an app access token, not an API key');
		return {
			instance: { instanceId: this.creds.instanceId, appName: 'n8n sandbox app', appVersion: '1.0.0', isFree: true },
			site: { siteId: this.creds.siteId, siteDisplayName: 'Wix Sandbox Site', locale: 'en', paymentCurrency: 'USD' },
		};
	}

	private emit(event: DomainEventInput, caller: Caller) {
		if (!this.targets.length) return;
		const identity = caller.kind === 'app' ? { identityType: 'APP', appId: caller.appId } : { identityType: 'WIX_USER', wixUserId: this.creds.accountId };
		const { jwt, eventId, eventType } = buildEventJwt(
			event,
			{ instanceId: this.creds.instanceId, siteId: this.creds.siteId, accountId: this.creds.accountId },
			identity,
			this.signing,
			++this.eventSequence,
		);
		for (const target of [...this.targets]) {
			const sends = Array.from({ length: Math.max(1, this.webhookFaults.copies) }, () => () => this.deliver(target, jwt, eventId, eventType));
			const delay = this.webhookFaults.delayMs;
			const run = async () => {
				if (delay) await new Promise((r) => setTimeout(r, delay));
				for (const send of sends) await send();
			};
			const promise = run().finally(() => this.pendingDeliveries.delete(promise));
			this.pendingDeliveries.add(promise);
		}
	}

	private async deliver(target: WebhookTarget, jwt: string, eventId: string, eventType: string) {
		let status: number | 'error' = 'error';
		try {
			const response = await fetch(target.url, { method: 'POST', headers: { 'Content-Type': target.contentType }, body: jwt });
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = 'error';
		}
		this.deliveries.push({ targetId: target.id, eventId, eventType, status, at: new Date().toISOString() });
	}

	private async handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, method: string, requestId: string) {
		const path = url.pathname.replace(/^\/_sandbox/, '');
		let body: Record<string, any> = {};
		try {
			const raw = await readBody(req);
			body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			return this.send(res, 400, { message: 'admin body must be JSON' }, requestId);
		}
		const ok = (result: unknown) => this.send(res, 200, result, requestId);
		const route = `${method} ${path}`;
		const roleMatch = /^POST \/contacts\/([^/]+)\/role$/.exec(route);
		if (roleMatch) {
			const id = decodeURIComponent(roleMatch[1]);
			if (!this.site.contacts.has(id)) return this.send(res, 404, { message: `no contact ${id}` }, requestId);
			for (const [flag, set] of [['member', this.site.memberContactIds], ['owner', this.site.ownerContactIds], ['billing', this.site.billingContactIds]] as const) {
				if (body[flag] === true) set.add(id);
				if (body[flag] === false) set.delete(id);
			}
			return ok({ contactId: id, member: this.site.memberContactIds.has(id), owner: this.site.ownerContactIds.has(id), billing: this.site.billingContactIds.has(id) });
		}
		switch (route) {
			case 'POST /contacts/timestamps': {
				// Gives contacts one creation time, as a bulk import does.
				for (const id of body.ids ?? []) {
					const contact = this.site.contacts.get(id);
					if (contact) contact.createdDate = contact.updatedDate = String(body.createdDate);
				}
				return ok({ updated: (body.ids ?? []).length });
			}
			case 'POST /forms/submit': {
				// A visitor submits a Wix Form: the contact is found by email or created, then the trigger fires.
				const ctx = this.context({ kind: 'apiKey', key: '' });
				const email = String(body.email ?? '').toLowerCase();
				let contact = [...this.site.contacts.values()].find((c) => c.primaryInfo?.email === email);
				if (!contact) contact = contacts.createContact(ctx, { info: { name: { first: body.firstName ?? '' }, emails: { items: [{ email }] } } }).contact!;
				const submission = { formName: body.formName ?? 'Contact form', submissionId: this.site.newId(), submissionTime: new Date().toISOString(), contactId: contact.id, ...Object.fromEntries(Object.entries(body.fields ?? {}).map(([k, v]) => [`field:${k}`, v])) };
				ctx.fire!('wix_form_app-form_submitted', submission);
				return ok(submission);
			}
			case 'POST /members': {
				// A visitor signs up: the contact becomes a site member.
				try {
					return ok({ member: this.loyalty.addMember(this.context({ kind: 'apiKey', key: '' }), String(body.contactId)) });
				} catch (error) {
					return this.send(res, 404, { message: (error as Error).message }, requestId);
				}
			}
			case 'GET /automations':
				return ok({ automations: [...this.automations.automations.values()] });
			case 'GET /credentials':
				return ok({ ...this.creds, baseUrl: this.url });
			case 'GET /public-key':
				return ok({ publicKey: this.signing.publicKeyPem, kid: this.signing.kid });
			case 'POST /reset':
				try {
					this.reset(body.seed ?? 'empty');
				} catch (error) {
					return this.send(res, 400, { message: (error as Error).message }, requestId);
				}
				return ok({ contacts: this.site.contacts.size });
			case 'GET /state':
				return ok({
					contacts: [...this.site.contacts.values()],
					labels: [...this.site.labels.values()],
					fields: [...this.site.fields.values()],
					memberContactIds: [...this.site.memberContactIds],
					mergedInto: Object.fromEntries(this.site.mergedInto),
				});
			case 'GET /emails':
				return ok({ emails: this.site.sentEmails });
			case 'GET /subscriptions':
				return ok({ subscriptions: [...this.site.subscriptions.values()] });
			case 'GET /requests':
				return ok({ requests: this.log });
			case 'DELETE /requests':
				this.log.length = 0;
				return ok({});
			case 'GET /counts':
				return ok({ total: this.log.length, counts: this.counts() });
			case 'POST /config':
				if (body.rateLimitPerMinute !== undefined) this.rateLimitPerMinute = Number(body.rateLimitPerMinute);
				if (body.tokenTtlSeconds !== undefined) this.tokenTtlSeconds = Number(body.tokenTtlSeconds);
				if (body.latencyMs !== undefined) this.latencyMs = Number(body.latencyMs);
				if (body.sendRetryAfter !== undefined) this.sendRetryAfter = Boolean(body.sendRetryAfter);
				this.rateWindow.length = 0;
				return ok({ rateLimitPerMinute: this.rateLimitPerMinute, tokenTtlSeconds: this.tokenTtlSeconds, latencyMs: this.latencyMs, sendRetryAfter: this.sendRetryAfter });
			case 'POST /faults': {
				const fault: Fault = { id: randomUUID(), kind: body.kind ?? 'status', ...body };
				this.faults.push(fault);
				return ok({ fault });
			}
			case 'DELETE /faults':
				this.faults = [];
				return ok({});
			case 'POST /tokens/expire':
				for (const token of this.tokens.values()) token.expiresAt = 0;
				return ok({ expired: this.tokens.size });
			case 'POST /api-keys': {
				const key = String(body.key ?? `IST.${randomBytes(24).toString('base64url')}`);
				this.apiKeys.set(key, new Set(body.permissions ?? [READ, MANAGE]));
				return ok({ key, permissions: [...this.apiKeys.get(key)!] });
			}
			case 'POST /webhooks': {
				if (typeof body.url !== 'string') return this.send(res, 400, { message: 'url is required' }, requestId);
				const target: WebhookTarget = { id: randomUUID(), url: body.url, contentType: body.contentType ?? 'text/plain' };
				this.targets.push(target);
				return ok({ target });
			}
			case 'GET /webhooks':
				return ok({ targets: this.targets });
			case 'DELETE /webhooks':
				this.targets.length = 0;
				return ok({});
			case 'GET /webhooks/deliveries':
				await this.settleWebhooks();
				return ok({ deliveries: this.deliveries });
			case 'POST /webhooks/faults':
				this.webhookFaults = { copies: Number(body.copies ?? 1), delayMs: Number(body.delayMs ?? 0) };
				return ok(this.webhookFaults);
			default:
				return this.send(res, 404, { message: `no admin route ${route}` }, requestId);
		}
	}
}

function rateLimitedBody() {
	return {
		message: 'Too many requests',
		details: { applicationError: { code: 'RESOURCE_EXHAUSTED', description: 'Rate limit exceeded: about 200 requests per minute per site' } },
	};
}

function parseJsonBody(raw: Buffer, contentType: string | undefined, method: string): Record<string, any> {
	if (!raw.length) return {};
	if (method === 'GET') return {};
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') {
		throw validationError([{ field: 'body', description: `must be JSON (Content-Type application/json), got ${type || 'no Content-Type'}` }]);
	}
	try {
		const parsed = JSON.parse(raw.toString('utf8'));
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
		return parsed;
	} catch {
		throw validationError([{ field: 'body', description: 'is not a valid JSON object' }]);
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<WixSandbox> {
	const sandbox = new WixSandbox(options);
	await sandbox.listen();
	return sandbox;
}
