// The one way the nodes call Wix: credentials, base URL, pacing, retries, error mapping, paging.
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { isResourceLocatorValue, NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	MAX_THROTTLED_ATTEMPTS,
	backoffDelay,
	isRetryable,
	maxAttempts,
	parseRetryAfter,
} from './backoff';
import { summarizeWixError, type WixApiErrors, type WixFailure } from './errors';

export type { WixApiErrors } from './errors';
import { withCurrentToken } from './oauthToken';
import { collectPages, type PagingModel } from './paging';
import { sharedPacer } from './pacer';

export type WixContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type WixCredentialType = 'wixApiKeyApi' | 'wixOAuth2Api';

export const DEFAULT_BASE_URL = 'https://www.wixapis.com';

export interface WixRequest {
	method: IHttpRequestMethods;
	/** Path under the API base URL, e.g. `/contacts/v4/contacts`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** The API's own hints, from its module in `api/`. */
	errors?: WixApiErrors;
	/**
	 * False for a write that must not simply be sent again after its answer was lost (a create, a
	 * delete): it is retried only when Wix said it did not take it (429), and the caller looks
	 * before re-sending (see `answerWasLost`).
	 */
	idempotent?: boolean;
	/** An account-level API (the site list): sent with the account ID, for no site. */
	accountLevel?: boolean;
}

export function credentialTypeOf(ctx: WixContext): WixCredentialType {
	const auth =
		'getInputData' in ctx
			? (ctx as IExecuteFunctions).getNodeParameter('authentication', 0, 'apiKey')
			: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'apiKey');
	return auth === 'oAuth2' ? 'wixOAuth2Api' : 'wixApiKeyApi';
}

interface HttpFailureShape {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: {
		code?: string;
		message?: string;
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	};
	context?: { data?: unknown };
}

/** Reads status, body and headers from what n8n's request helper threw. */
export function readHttpFailure(error: unknown): WixFailure & { retryAfterMs?: number } {
	const e = (error ?? {}) as HttpFailureShape;
	const response = e.cause?.response;
	const status = response?.status ?? (e.httpCode ? Number(e.httpCode) : undefined);
	const headers = response?.headers ?? {};
	const header = (name: string) => headers[name] ?? headers[name.toLowerCase()];
	if (status === undefined || Number.isNaN(status)) {
		return {
			networkCode: e.cause?.code ?? e.code,
			networkMessage: e.cause?.message ?? e.message,
		};
	}
	return {
		status,
		body: response?.data ?? e.context?.data,
		requestId: header('x-wix-request-id') as string | undefined,
		retryAfterMs: parseRetryAfter(header('retry-after')),
	};
}

/**
 * Which sites a credential reaches: one site (an API key with a Site ID), every site of an account
 * (an API key with an Account ID; the node's Site parameter names the one), or the site an app
 * instance is installed on (OAuth2).
 */
export type WixReach =
	| { kind: 'site'; siteId: string }
	| { kind: 'account'; accountId: string }
	| { kind: 'app'; instanceId: string };

/** Where a node's requests go and how they are paced: what its credential says, read once per run. */
interface Target {
	credentialType: WixCredentialType;
	baseUrl: string;
	perMinute: number;
	reach: WixReach;
}

// Keyed by n8n's context object, which lives as long as one node's run: the credential is
// decrypted once per run, not once per request. Only fields that cannot change during a run are
// kept (an OAuth token can, so the request helper still reads the credential itself).
const targets = new WeakMap<object, Promise<Target>>();

function reachOf(credentialType: WixCredentialType, credentials: IDataObject): WixReach {
	if (credentialType === 'wixOAuth2Api')
		return { kind: 'app', instanceId: String(credentials.instanceId ?? '') };
	// Credentials saved before Access existed have no value for it: they meant one site.
	const accountWide =
		credentials.access === 'account' || (!credentials.siteId && !!credentials.accountId);
	return accountWide
		? { kind: 'account', accountId: String(credentials.accountId ?? '') }
		: { kind: 'site', siteId: String(credentials.siteId ?? '') };
}

async function targetOf(ctx: WixContext): Promise<Target> {
	let target = targets.get(ctx);
	if (!target) {
		target = (async () => {
			const credentialType = credentialTypeOf(ctx);
			const credentials = await ctx.getCredentials(credentialType);
			const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
			return {
				credentialType,
				baseUrl,
				perMinute: Number(credentials.requestsPerMinute ?? 200),
				reach: reachOf(credentialType, credentials),
			};
		})();
		targets.set(ctx, target);
		target.catch(() => targets.delete(ctx));
	}
	return await target;
}

/** Which sites the node's credential reaches (for the Site picker). */
export async function credentialReach(ctx: WixContext): Promise<WixReach> {
	return (await targetOf(ctx)).reach;
}

export const SITE_PARAMETER = 'site';

/** The node's Site parameter for an item, '' when empty or when the node has none. */
function pickedSite(ctx: WixContext, itemIndex: number): string {
	// Read raw, not with extractValue: n8n's extractValue looks the parameter up among those shown
	// and throws when it is hidden (the Wix Trigger shows Site only in Automation mode), which
	// dropped every app-webhook event that needs a request (the points events' balance look-up).
	const value =
		'getInputData' in ctx
			? (ctx as IExecuteFunctions).getNodeParameter(SITE_PARAMETER, itemIndex, '')
			: (ctx as ILoadOptionsFunctions).getNodeParameter(SITE_PARAMETER, '');
	const id = isResourceLocatorValue(value) ? value.value : value;
	return typeof id === 'string' ? id.trim() : '';
}

// The site each item of a run goes to, and the run's first: per-run caches (labels, fields,
// pipelines) are loaded from one site, so every item of a run must name the same one.
const sitesByRun = new WeakMap<object, { first?: string; byItem: Map<number, string> }>();

/**
 * The site a request is for (its pacing key), and the wix-site-id header it needs when the
 * credential does not name the site itself.
 */
function siteFor(ctx: WixContext, reach: WixReach, itemIndex = 0): string {
	let run = sitesByRun.get(ctx);
	if (!run) sitesByRun.set(ctx, (run = { byItem: new Map() }));
	const known = run.byItem.get(itemIndex);
	if (known !== undefined) return known;
	const picked = pickedSite(ctx, itemIndex);
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { description, itemIndex });
	let site: string;
	if (reach.kind === 'account') {
		if (!picked)
			throw fail(
				'Site is required: the Wix API Key credential reaches all sites of an account',
				'Pick the site this node works on in its Site parameter (From List or By ID), or set the credential’s Access to One Site',
			);
		site = picked;
	} else if (reach.kind === 'site') {
		if (picked && picked !== reach.siteId)
			throw fail(
				`Site ${picked} is not the credential’s site: the Wix API Key credential reaches only site ${reach.siteId}`,
				'Clear the Site parameter to use the credential’s site, or set the credential’s Access to All Sites of an Account (with the Account ID) to pick any site of the account',
			);
		site = reach.siteId;
	} else {
		if (picked)
			throw fail(
				'Site must be empty with OAuth2: the Wix app’s token reaches only the site it is installed on',
				'Clear the Site parameter, or use a Wix API Key credential with Access set to All Sites of an Account',
			);
		site = reach.instanceId;
	}
	if (run.first === undefined) run.first = site;
	else if (run.first !== site)
		throw fail(
			`Site must be the same for every item: item ${itemIndex} picks ${site}, an earlier item ${run.first}`,
			'One run of a Wix node works on one site; split the items by site (for example with a Switch node) into several Wix nodes',
		);
	run.byItem.set(itemIndex, site);
	return site;
}

/**
 * How many items an operation may have under way at once: about what the credential's pacing lets
 * through in a second (at least 5, so a far-away Wix still fills a budget of 200 per minute), and
 * 50 with pacing off, where only latency bounds a run.
 */
export async function itemsAtOnce(ctx: IExecuteFunctions): Promise<number> {
	let perMinute = 200;
	try {
		perMinute = (await targetOf(ctx)).perMinute;
	} catch {
		// No Wix credential on this node: keep the default.
	}
	if (!(perMinute > 0)) return 50;
	return Math.min(50, Math.max(5, Math.ceil(perMinute / 60)));
}

/** Sends one request to Wix and returns the parsed JSON body. */
export async function wixApiRequest<T = IDataObject>(
	ctx: WixContext,
	request: WixRequest,
	itemIndex?: number,
): Promise<T> {
	const { credentialType, baseUrl, perMinute, reach } = await targetOf(ctx);
	const site = request.accountLevel
		? `account:${reach.kind === 'account' ? reach.accountId : ''}`
		: siteFor(ctx, reach, itemIndex);
	return await send<T>(
		ctx,
		credentialType,
		{
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			// An account key speaks for the site the node picked; a site key or token for its own.
			headers:
				reach.kind === 'account' && !request.accountLevel ? { 'wix-site-id': site } : undefined,
		},
		{ key: `${baseUrl}|${site}`, perMinute },
		itemIndex,
		request.errors,
		request.idempotent !== false,
	);
}

/**
 * Calls a backend function of the user's Wix site (velo/http-functions.js), for what Wix offers
 * no public REST API for, such as triggered emails.
 */
export async function siteFunctionRequest<T = IDataObject>(
	ctx: WixContext,
	functionName: string,
	body: IDataObject,
	itemIndex?: number,
	errors?: WixApiErrors,
): Promise<T> {
	const credentials = await ctx.getCredentials('wixSiteBackendApi');
	const siteUrl = String(credentials.siteUrl ?? '').replace(/\/+$/, '');
	return await send<T>(
		ctx,
		'wixSiteBackendApi',
		{ method: 'POST', url: `${siteUrl}/_functions/${functionName}`, body },
		{ key: siteUrl, perMinute: 0 },
		itemIndex,
		errors,
	);
}

/** Pacing, retries with backoff, and Wix's errors turned into NodeApiErrors: the same for every call. */
async function send<T>(
	ctx: WixContext,
	credentialType: string,
	request: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body' | 'headers'>,
	pacing: { key: string; perMinute: number },
	itemIndex?: number,
	apiErrors?: WixApiErrors,
	idempotent = true,
): Promise<T> {
	const options: IHttpRequestOptions = {
		...request,
		json: true,
		arrayFormat: 'repeat',
		timeout: 60_000,
	};
	let failure: ReturnType<typeof readHttpFailure> = {};
	for (let attempt = 0; attempt < MAX_THROTTLED_ATTEMPTS; attempt++) {
		const wait = sharedPacer.reserve(pacing.key, pacing.perMinute);
		if (wait > 0) await sleep(wait);
		try {
			return (await withCurrentToken(ctx, credentialType, async (credentialOptions) =>
				ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					credentialType,
					{ ...options },
					credentialOptions,
				),
			)) as T;
		} catch (error) {
			const previous = failure;
			failure = { ...readHttpFailure(error), attempts: attempt + 1 };
			// A delete sent again after its answer was lost finds nothing: the first one did it.
			if (request.method === 'DELETE' && failure.status === 404 && attempt > 0 && lost(previous))
				return {} as T;
			if (
				!isRetryable(failure.status, failure.networkCode) ||
				attempt + 1 >= maxAttempts(failure.status) ||
				(!idempotent && failure.status !== 429)
			)
				break;
			await sleep(backoffDelay(attempt, failure.retryAfterMs, Math.random, failure.status));
		}
	}
	throw wixError(ctx, failure, itemIndex, apiErrors);
}

/** Whether a failure may have happened after Wix carried the request out. */
function lost(failure: WixFailure): boolean {
	return failure.status === undefined ? failure.networkCode !== undefined : failure.status >= 500;
}

/**
 * Whether a failed request may have been carried out all the same: Wix failed late (5xx) or the
 * connection broke, so the answer, not necessarily the write, was lost.
 */
export function answerWasLost(error: unknown): boolean {
	const e = error as NodeApiError;
	if (!(e instanceof NodeApiError)) return false;
	const status = e.httpCode ? Number(e.httpCode) : undefined;
	return status === undefined ? true : status >= 500;
}

export function wixError(
	ctx: WixContext,
	failure: WixFailure,
	itemIndex?: number,
	apiErrors?: WixApiErrors,
): NodeApiError {
	const summary = summarizeWixError(failure, apiErrors);
	const error = new NodeApiError(ctx.getNode(), (summary.data ?? {}) as JsonObject, {
		message: summary.message,
		description: summary.description,
		httpCode: summary.httpCode,
		itemIndex,
	});
	error.context.wixErrorCode = summary.code;
	if (failure.requestId) error.context.wixRequestId = failure.requestId;
	if (summary.data) error.context.wixErrorData = summary.data;
	return error;
}

export interface AllItemsRequest extends WixRequest {
	model: PagingModel;
	itemsKey: string;
	pageSize: number;
	/** Undefined returns everything. */
	limit?: number;
	/**
	 * Where the paging object goes: the query string, the body, `body.query` (Query endpoints) or
	 * `body.search` (Search endpoints).
	 */
	pagingIn: 'qs' | 'body' | 'query' | 'search';
}

/** Pages through any Wix list or query endpoint and returns the items. */
export async function wixApiRequestAllItems<T = IDataObject>(
	ctx: WixContext,
	request: AllItemsRequest,
	itemIndex?: number,
): Promise<T[]> {
	return await collectPages<T>(request, async (page) => {
		const qs: IDataObject = { ...request.qs };
		const body: IDataObject | undefined = request.body ? { ...request.body } : undefined;
		let paging: IDataObject;
		if (request.model === 'cursor')
			paging = { cursorPaging: { limit: page.limit, cursor: page.cursor } };
		else if (request.model === 'legacy') paging = { limit: page.limit, offset: page.offset };
		else paging = { paging: { limit: page.limit, offset: page.offset } };

		if (request.pagingIn === 'qs') {
			for (const [key, value] of Object.entries(paging)) {
				if (typeof value === 'object' && value !== null) {
					for (const [sub, v] of Object.entries(value))
						if (v !== undefined) qs[`${key}.${sub}`] = v;
				} else qs[key] = value;
			}
		} else if (request.pagingIn === 'query' || request.pagingIn === 'search') {
			// A cursor already carries the query it came from; Wix takes it alone.
			const key = request.pagingIn;
			const base =
				request.model === 'cursor' && page.cursor ? {} : ((body?.[key] as IDataObject) ?? {});
			const query = { ...base, ...paging };
			return await wixApiRequest<Record<string, unknown>>(
				ctx,
				{ ...request, qs, body: { ...body, [key]: query } },
				itemIndex,
			);
		} else {
			return await wixApiRequest<Record<string, unknown>>(
				ctx,
				{ ...request, qs, body: { ...body, ...paging } },
				itemIndex,
			);
		}
		return await wixApiRequest<Record<string, unknown>>(ctx, { ...request, qs, body }, itemIndex);
	});
}
