/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The local Wix sandbox: an HTTP server that answers like www.wixapis.com for the APIs in
// wix-api.md, plus an admin API under /_sandbox for tests and benchmarks. This file only composes:
// core/ serves HTTP, checks callers, limits, faults and delivers webhooks; each Wix API is a folder
// module that brings its state, its route table and its admin calls.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { appInstancesRoutes } from './appInstances/routes';
import { automationsState, fireAutomations } from './automations/automations';
import { automationsAdmin, automationsRoutes } from './automations/routes';
import { badgesState } from './badges/badges';
import { badgesAdmin, badgesRoutes } from './badges/routes';
import { contactsAdmin, writeConcurrently, writeManyConcurrently } from './contacts/admin';
import { contactsRoutes } from './contacts/routes';
import { contactsState } from './contacts/store';
import {
	AdminError,
	adminRoutesFor,
	coreAdminRoutes,
	handleAdmin,
	type AdminHost,
	type AdminRoute,
} from './core/admin';
import { Auth, newApiKey, type SandboxCredentials } from './core/auth';
import { clock, type SiteContext } from './core/context';
import { appError, WixHttpError } from './core/errors';
import { Faults } from './core/faults';
import { parseJsonBody, parseQueryString, readBody, sendJson } from './core/http';
import { RateLimit, rateLimitedBody } from './core/rateLimit';
import { RequestLog, type LogEntry } from './core/requestLog';
import { matchRoute, READ, type Caller, type Route } from './core/router';
import { generateSigningKey, keyFromPem, type SigningKey } from './core/webhookJwt';
import { Webhooks } from './core/webhooks';
import { emailSubscriptionsAdmin, emailSubscriptionsRoutes } from './emailSubscriptions/routes';
import { emailSubscriptionsState } from './emailSubscriptions/store';
import { extendedFieldsRoutes } from './extendedFields/routes';
import { extendedFieldsState } from './extendedFields/store';
import { formsAdmin } from './forms/admin';
import { labelsRoutes } from './labels/routes';
import { labelsState } from './labels/store';
import { loyaltyState } from './loyalty/store';
import { loyaltyAdmin, loyaltyRoutes } from './loyalty/routes';
import { membersState } from './members/members';
import { membersAdmin, membersRoutes } from './members/routes';
import { pipelinesAdmin, pipelinesRoutes } from './pipelines/routes';
import { pipelinesState } from './pipelines/store';
import { segmentsAdmin, segmentsState } from './segments/segments';
import { seedSite } from './seed';
import { tasksAdmin, tasksRoutes, tasksState } from './tasks/tasks';
import { sitesAdmin } from './sites/admin';
import { querySites, siteRecord, SITES_QUERY_PATH, type SiteRecord } from './sites/sites';
import { workflowsAdmin, workflowsRoutes } from './workflows/routes';
import { workflowsState } from './workflows/store';
import {
	callSiteFunction,
	siteFunctionsAdmin,
	siteFunctionsState,
} from './siteFunctions/siteFunctions';

export type { SandboxCredentials } from './core/auth';

export interface SandboxOptions {
	port?: number;
	host?: string;
	seed?: string;
	apiKey?: string;
	siteId?: string;
	accountId?: string;
	/** A key for every site of the account; generated when absent. */
	accountApiKey?: string;
	/** The first site's name in Query Sites. */
	siteDisplayName?: string;
	/** More sites of the account, made again on every reset (the admin API adds others until then). */
	sites?: ExtraSiteOptions[];
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

export interface ExtraSiteOptions {
	id?: string;
	displayName?: string;
	/** `empty` (the default), `demo` or `contacts:N`. */
	seed?: string;
}

/** The whole site: every module's part of the state, and the clock. */
function newSite() {
	return {
		...clock(),
		...contactsState(),
		...labelsState(),
		...extendedFieldsState(),
		...emailSubscriptionsState(),
		...membersState(),
		...badgesState(),
		...loyaltyState(),
		...automationsState(),
		...siteFunctionsState(),
		...workflowsState(),
		...pipelinesState(),
		...segmentsState(),
		...tasksState(),
	};
}

export type Site = ReturnType<typeof newSite>;

/** Every Wix API route, matched in this order. */
const ROUTES: Route<Site>[] = [
	...contactsRoutes,
	...labelsRoutes,
	...extendedFieldsRoutes,
	...emailSubscriptionsRoutes,
	...loyaltyRoutes,
	...membersRoutes,
	...badgesRoutes,
	...automationsRoutes,
	...appInstancesRoutes,
	...workflowsRoutes,
	...pipelinesRoutes,
	...tasksRoutes,
];

/** The admin calls that belong to one Wix API. */
const API_ADMIN_ROUTES: AdminRoute<Site>[] = [
	...contactsAdmin,
	...formsAdmin,
	...membersAdmin,
	...badgesAdmin,
	...loyaltyAdmin,
	...automationsAdmin,
	...siteFunctionsAdmin,
	...emailSubscriptionsAdmin,
	...workflowsAdmin,
	...pipelinesAdmin,
	...segmentsAdmin,
	...tasksAdmin,
];

const OWNER: Caller = { kind: 'apiKey', key: '' };

export class WixSandbox implements AdminHost {
	site: Site = newSite();
	readonly creds: SandboxCredentials;
	readonly signing: SigningKey;
	readonly auth: Auth;
	readonly rateLimit: RateLimit;
	readonly latency = { ms: 0 };
	readonly faults = new Faults();
	readonly requests = new RequestLog();
	readonly webhooks: Webhooks;
	/** The account's other sites, by ID; `site` is the first one (`creds.siteId`). */
	readonly extraSites = new Map<string, { site: Site; record: SiteRecord; rateLimit: RateLimit }>();
	private readonly firstSite: SiteRecord;
	private readonly adminRoutes: AdminRoute<Site>[];
	/**
	 * The app's installations on other sites (instances), served at this URL as www.wixapis.com
	 * serves them all: a token works on the site of the instance it was minted for.
	 */
	readonly installations: WixSandbox[] = [];
	private server?: Server;
	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		const guid = () => randomUUID();
		this.signing = options.privateKeyPem
			? { ...keyFromPem(options.privateKeyPem), kid: 'sandbox' }
			: generateSigningKey();
		this.creds = {
			apiKey: options.apiKey ?? newApiKey(),
			siteId: options.siteId ?? guid(),
			accountId: options.accountId ?? guid(),
			accountApiKey: options.accountApiKey ?? newApiKey(),
			appId: options.appId ?? guid(),
			appSecret: options.appSecret ?? randomBytes(16).toString('hex'),
			instanceId: options.instanceId ?? guid(),
			siteSecret: options.siteSecret ?? randomBytes(16).toString('hex'),
			publicKey: this.signing.publicKeyPem,
		};
		this.auth = new Auth(this.creds, options.tokenTtlSeconds ?? 14400);
		this.rateLimit = new RateLimit(options.rateLimitPerMinute ?? 200);
		this.webhooks = new Webhooks(this.signing, {
			instanceId: this.creds.instanceId,
			siteId: this.creds.siteId,
			accountId: this.creds.accountId,
		});
		this.firstSite = siteRecord(this.creds.siteId, options.siteDisplayName ?? 'Wix Sandbox Site');
		this.adminRoutes = [
			...(coreAdminRoutes(this) as AdminRoute<Site>[]),
			...(sitesAdmin(this) as AdminRoute<Site>[]),
			...API_ADMIN_ROUTES,
			adminRoutesFor<Site>()('POST', '/instances', ({ body }) => {
				try {
					return this.install({
						seed: body.seed,
						siteId: body.siteId,
						instanceId: body.instanceId,
					});
				} catch (error) {
					throw new AdminError(400, (error as Error).message);
				}
			}),
		];
		this.reset(options.seed ?? 'empty');
	}

	/** Installs the same app on another, empty site; returns that installation's credentials. */
	install(options: Pick<SandboxOptions, 'seed' | 'siteId' | 'instanceId'> = {}) {
		const installation = new WixSandbox({
			...options,
			appId: this.creds.appId,
			appSecret: this.creds.appSecret,
			accountId: this.creds.accountId,
			// One app, one webhook key, whichever site the webhook is about.
			privateKeyPem: this.signing.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			rateLimitPerMinute: this.rateLimit.perMinute,
			tokenTtlSeconds: this.auth.tokenTtlSeconds,
		});
		installation.url = this.url;
		this.installations.push(installation);
		return installation.credentials();
	}

	/** The installation an instance ID names: this one unless another has that ID. */
	private installationOf(instanceId: unknown): WixSandbox {
		return this.installations.find((s) => s.creds.instanceId === instanceId) ?? this;
	}

	get log(): LogEntry[] {
		return this.requests.entries;
	}

	get automations() {
		return this.site.automations;
	}

	get loyalty() {
		return this.site.loyalty;
	}

	get targets() {
		return this.webhooks.targets;
	}

	get deliveries() {
		return this.webhooks.deliveries;
	}

	reset(seed: string) {
		this.site = newSite();
		seedSite({ site: this.site, emit: () => undefined, caller: { kind: 'apiKey' } }, seed);
		this.requests.clear();
		this.rateLimit.clear();
		this.faults.clear();
		this.webhooks.reset();
		this.installations.length = 0;
		this.extraSites.clear();
		for (const extra of this.options.sites ?? []) this.addSite(extra);
	}

	/** Every site of the account, the first one first. */
	siteRecords(): SiteRecord[] {
		return [this.firstSite, ...[...this.extraSites.values()].map((s) => s.record)];
	}

	siteById(id: string): Site | undefined {
		return id === this.creds.siteId ? this.site : this.extraSites.get(id)?.site;
	}

	/** Adds a site to the account, seeded like the first one can be. */
	addSite(options: ExtraSiteOptions = {}): SiteRecord {
		const id = options.id ?? randomUUID();
		if (this.siteById(id)) throw new Error(`site ${id} exists`);
		const site = newSite();
		seedSite({ site, emit: () => undefined, caller: { kind: 'apiKey' } }, options.seed ?? 'empty');
		const record = siteRecord(
			id,
			options.displayName ?? `Sandbox Site ${this.extraSites.size + 2}`,
		);
		this.extraSites.set(id, { site, record, rateLimit: new RateLimit(this.rateLimit.perMinute) });
		return record;
	}

	/** Each site has its own minute budget, all with the limits set through /config. */
	private rateLimitOf(siteId: string): RateLimit {
		const extra = this.extraSites.get(siteId);
		if (!extra) return this.rateLimit;
		extra.rateLimit.perMinute = this.rateLimit.perMinute;
		extra.rateLimit.sendRetryAfter = this.rateLimit.sendRetryAfter;
		return extra.rateLimit;
	}

	credentials() {
		return { ...this.creds, baseUrl: this.url };
	}

	contactCount() {
		return this.site.contacts.size;
	}

	state() {
		return {
			contacts: [...this.site.contacts.values()],
			labels: [...this.site.labels.values()],
			fields: [...this.site.fields.values()],
			memberContactIds: this.site.members.memberContactIds(),
			mergedInto: Object.fromEntries(this.site.mergedInto),
		};
	}

	async listen(
		port = this.options.port ?? 0,
		host = this.options.host ?? '127.0.0.1',
	): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent)
					sendJson(res, 500, { message: String(error), details: {} }, randomUUID());
			});
		});
		// Idle connections are closed by the clients (undici after 4 s), never by the sandbox. The
		// sandbox often shares a process with a test whose node run keeps the event loop busy for
		// seconds; a server-side keep-alive timer then fired late, just as the test reused the idle
		// connection, and reset that request (ECONNRESET in the Get Many while-writing tests).
		this.server.keepAliveTimeout = 0;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
		return this.url;
	}

	async close(): Promise<void> {
		await this.webhooks.drain();
		await new Promise<void>((resolve) => {
			if (!this.server) return resolve();
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}

	counts(): Record<string, number> {
		return this.requests.counts();
	}

	/** Resolves when every webhook delivery started so far has finished. */
	async settleWebhooks(): Promise<void> {
		await this.webhooks.settle();
	}

	/**
	 * What a handler works with: `caller`'s identity on webhooks, and automations that fire. The app
	 * is installed on the first site only, so only its changes become app webhooks.
	 */
	private context(caller: Caller, site: Site = this.site): SiteContext<Site> {
		return {
			site,
			emit: site === this.site ? (event) => this.webhooks.emit(event, caller) : () => undefined,
			caller: caller.kind === 'app' ? { kind: 'app', appId: caller.appId } : { kind: 'apiKey' },
			fire: (triggerKey, payload) =>
				fireAutomations(site.automations, this.webhooks, triggerKey, payload),
		};
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname.startsWith('/_sandbox/')) {
			// `/_sandbox/instances/{instanceId}/…` is the admin API of another installation.
			const [, instanceId, rest] =
				/^\/_sandbox\/instances\/([^/]+)(\/.+)$/.exec(url.pathname) ?? [];
			const host = instanceId ? this.installationOf(decodeURIComponent(instanceId)) : this;
			if (instanceId && host === this)
				return sendJson(res, 404, { message: `no instance ${instanceId}` }, requestId);
			return await handleAdmin(
				req,
				res,
				method,
				rest ?? url.pathname.replace(/^\/_sandbox/, ''),
				requestId,
				host.adminRoutes,
				() => host.context(OWNER, host.adminSite(url)),
			);
		}
		const installation = this.installations.find((s) => s.auth.issued(req.headers.authorization));
		if (installation) return await installation.handle(req, res);
		this.requests.begin();
		try {
			await this.serveApi(req, res, requestId, url, method);
		} finally {
			this.requests.end();
		}
	}

	/** The site an admin call acts on: `?siteId=`, else the first. */
	private adminSite(url: URL): Site {
		const id = url.searchParams.get('siteId');
		if (!id) return this.site;
		const site = this.siteById(id);
		if (!site) throw new AdminError(404, `no site ${id}`);
		return site;
	}

	private async serveApi(
		req: IncomingMessage,
		res: ServerResponse,
		requestId: string,
		url: URL,
		method: string,
	) {
		if (this.latency.ms) await new Promise((r) => setTimeout(r, this.latency.ms));
		let endpoint = `${method} ${url.pathname}`;
		let auth: LogEntry['auth'] = 'none';
		let status = 500;
		let log = this.requests;
		const record = () =>
			log.add({
				at: new Date().toISOString(),
				method,
				path: url.pathname,
				endpoint,
				status,
				requestId,
				auth,
			});
		try {
			const raw = await readBody(req);
			const fault = this.faults.take(method, url.pathname);
			if (fault?.kind === 'reset' || fault?.kind === 'timeout') {
				status = 0;
				record();
				if (fault.kind === 'timeout')
					await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'status') {
				const headers: Record<string, string> =
					fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
				throw new WixHttpError(
					fault.status ?? 500,
					fault.status === 429 ? rateLimitedBody() : { message: '', details: {} },
					headers,
				);
			}
			const body = parseJsonBody(raw, req.headers['content-type'], method);
			if (fault?.kind === 'concurrentUpdate') {
				// Another writer acts as the owner would, but its change fires no automations.
				const writer = {
					site: this.site,
					emit: (event: Parameters<Webhooks['emit']>[0]) => this.webhooks.emit(event, OWNER),
					caller: { kind: 'apiKey' as const },
				};
				writeConcurrently(writer, fault.contactId ?? url.pathname, fault.info ?? {});
			}
			if (fault?.kind === 'concurrentWrites') {
				writeManyConcurrently(
					{
						site: this.site,
						emit: (event) => this.webhooks.emit(event, OWNER),
						caller: { kind: 'apiKey' },
					},
					fault,
				);
			}
			if (method === 'POST' && url.pathname === '/oauth2/token') {
				endpoint = 'POST /oauth2/token';
				const issuer = this.installationOf(body.instance_id);
				log = issuer.requests;
				const result = issuer.auth.mintToken(body);
				status = 200;
				record();
				return sendJson(res, 200, result, requestId);
			}
			if (url.pathname.startsWith('/_functions/')) {
				auth = 'site';
				const result = callSiteFunction(
					this.context(OWNER),
					req.headers.authorization,
					this.creds.siteSecret,
					method,
					url.pathname,
					body,
				);
				status = 200;
				record();
				return sendJson(res, 200, result, requestId);
			}
			const caller = this.auth.authenticate(req, (id) => this.siteById(id) !== undefined);
			auth = caller.kind;
			if (url.pathname === SITES_QUERY_PATH && method === 'POST') {
				endpoint = `POST ${SITES_QUERY_PATH}`;
				if (caller.kind !== 'apiKey' || !caller.account)
					throw appError(
						403,
						'PERMISSION_DENIED',
						'Query Sites is an account-level API: call it with an account API key and wix-account-id',
					);
				this.auth.requirePermission(caller, READ);
				const result = querySites(this.siteRecords(), body);
				status = 200;
				record();
				return sendJson(res, 200, result, requestId);
			}
			if (caller.kind === 'apiKey' && caller.account)
				throw appError(403, 'PERMISSION_DENIED', 'Site-level APIs need the wix-site-id header');
			const siteId = caller.kind === 'apiKey' ? caller.siteId! : this.creds.siteId;
			const site = this.siteById(siteId)!;
			this.rateLimitOf(siteId).check();
			const qs = parseQueryString(url.searchParams);
			const found = matchRoute(
				ROUTES,
				method,
				url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
			);
			if (!found)
				throw new WixHttpError(404, {
					message: `No API at ${method} ${url.pathname}`,
					details: {},
				});
			endpoint = `${method} ${found.route.path}`;
			this.auth.requirePermission(caller, found.route.permission);
			const result = found.route.run({
				ctx: this.context(caller, site),
				params: found.params,
				body,
				qs,
				caller,
				creds: { ...this.creds, siteId },
			});
			if (fault?.kind === 'lostAnswer') {
				// Saved, but the answer never arrives: what a client sees when Wix or the network fails late.
				if (fault.then === 'reset') {
					status = 0;
					record();
					req.socket.destroy();
					return;
				}
				throw new WixHttpError(fault.status ?? 500, { message: '', details: {} });
			}
			status = 200;
			record();
			sendJson(res, 200, result ?? {}, requestId);
		} catch (error) {
			if (error instanceof WixHttpError) {
				status = error.status;
				record();
				return sendJson(res, error.status, error.body, requestId, error.headers);
			}
			status = 500;
			record();
			sendJson(res, 500, { message: '', details: {} }, requestId);
			if (!(error instanceof Error && error.message === 'body too large'))
				console.error('[sandbox]', error);
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<WixSandbox> {
	const sandbox = new WixSandbox(options);
	await sandbox.listen();
	return sandbox;
}
