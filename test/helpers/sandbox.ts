/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type SandboxOptions, type WixSandbox } from '../../sandbox/server';

export async function startTestSandbox(options: SandboxOptions = {}): Promise<WixSandbox> {
	return await startSandbox({ seed: 'empty', rateLimitPerMinute: 0, ...options });
}

/**
 * One sandbox for a test file: started before its tests, reset to empty before each, closed after.
 * The returned object stands for the sandbox once it has started.
 */
export function useTestSandbox(options: SandboxOptions = {}): WixSandbox {
	let current: WixSandbox | undefined;
	beforeAll(async () => {
		current = await startTestSandbox(options);
	});
	afterAll(async () => {
		await current?.close();
	});
	beforeEach(async () => {
		await admin(current!, 'POST', '/reset', { seed: 'empty' });
	});
	return new Proxy({} as WixSandbox, {
		get: (_, key) => {
			const value = (current as unknown as Record<string | symbol, unknown>)[key];
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}

export function apiKeyCredentials(sandbox: WixSandbox, overrides: IDataObject = {}) {
	return {
		type: 'wixApiKeyApi' as const,
		data: {
			apiKey: sandbox.creds.apiKey,
			siteId: sandbox.creds.siteId,
			baseUrl: sandbox.url,
			requestsPerMinute: 0,
			...overrides,
		},
	};
}

export function oauthCredentials(sandbox: WixSandbox, overrides: IDataObject = {}) {
	return {
		type: 'wixOAuth2Api' as const,
		data: {
			accessToken: '',
			appId: sandbox.creds.appId,
			appSecret: sandbox.creds.appSecret,
			instanceId: sandbox.creds.instanceId,
			publicKey: sandbox.creds.publicKey,
			baseUrl: sandbox.url,
			requestsPerMinute: 0,
			...overrides,
		},
	};
}

/** Calls the sandbox admin API. */
export async function admin<T = any>(
	sandbox: { url: string },
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

/** Calls the Wix API of the sandbox directly with the API key. */
export async function wix<T = any>(
	sandbox: Pick<WixSandbox, 'url' | 'creds'>,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: T }> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Authorization: sandbox.creds.apiKey,
			'wix-site-id': sandbox.creds.siteId,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as T };
}

/** The sandbox's loyalty API for tests: calls that must succeed, an account per new contact, points. */
export function loyaltyKit(sandbox: Pick<WixSandbox, 'url' | 'creds'>) {
	const api = async (method: string, path: string, body?: unknown) => {
		const { status, body: result } = await wix(sandbox, method, path, body);
		expect(status).toBe(200);
		return result;
	};
	const account = async (first: string) => {
		const c = (await api('POST', '/contacts/v4/contacts', { info: { name: { first } } })).contact;
		return (await api('POST', '/loyalty-accounts/v1/accounts', { contactId: c.id })).account;
	};
	const earn = (
		accountId: string,
		amount: number,
		key = `${accountId}-${amount}-${Math.random()}`,
	) =>
		api('POST', `/loyalty-accounts/v1/accounts/${accountId}/earn-points`, {
			amount,
			appId: 'n8n',
			idempotencyKey: key,
		});
	return { api, account, earn };
}
