/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Credentials and helpers shared by the e2e tests.
import { readFileSync } from 'node:fs';

import { N8nInstance, type N8nDescriptor } from '../../scripts/n8n-instance';
import type { SandboxCredentials } from '../../sandbox/server';
import { admin } from '../helpers/sandbox';

export const API_KEY_CREDENTIAL = { id: 'wixSandboxApiKey', name: 'Wix sandbox (API key)' };
export const OAUTH_CREDENTIAL = { id: 'wixSandboxOAuth2', name: 'Wix sandbox (OAuth2)' };
/**
 * The API key with pacing off, for long template runs that test outcomes, not pacing (the sandbox's
 * limit is lifted for them). Paced requests would stay in n8n's per-site window after the run and
 * hold up the next test's requests on the paced credential, which shares the site's budget.
 */
export const FAST_KEY_CREDENTIAL = { id: 'wixSandboxFastKey', name: 'Wix sandbox (API key, fast)' };
export const BAD_KEY_CREDENTIAL = { id: 'wixSandboxBadKey', name: 'Wix sandbox (wrong key)' };
export const SITE_BACKEND_CREDENTIAL = {
	id: 'wixSandboxSiteFns',
	name: 'Wix sandbox site backend',
};

export function e2eCredentials(sandbox: { url: string; creds: SandboxCredentials }) {
	const { creds } = sandbox;
	return [
		{
			...API_KEY_CREDENTIAL,
			type: 'wixApiKeyApi',
			data: {
				apiKey: creds.apiKey,
				siteId: creds.siteId,
				baseUrl: sandbox.url,
				requestsPerMinute: 200,
			},
		},
		{
			...OAUTH_CREDENTIAL,
			type: 'wixOAuth2Api',
			data: {
				accessToken: '',
				appId: creds.appId,
				appSecret: creds.appSecret,
				instanceId: creds.instanceId,
				publicKey: creds.publicKey,
				baseUrl: sandbox.url,
				requestsPerMinute: 200,
			},
		},
		{
			...FAST_KEY_CREDENTIAL,
			type: 'wixApiKeyApi',
			data: {
				apiKey: creds.apiKey,
				siteId: creds.siteId,
				baseUrl: sandbox.url,
				requestsPerMinute: 0,
			},
		},
		{
			...BAD_KEY_CREDENTIAL,
			type: 'wixApiKeyApi',
			data: {
				apiKey: 'not-a-key',
				siteId: creds.siteId,
				baseUrl: sandbox.url,
				requestsPerMinute: 200,
			},
		},
		{
			...SITE_BACKEND_CREDENTIAL,
			type: 'wixSiteBackendApi',
			data: { siteUrl: sandbox.url, secret: creds.siteSecret },
		},
	];
}

export interface E2E {
	sandbox: { url: string; creds: SandboxCredentials };
	external: { url: string };
	n8n: N8nInstance;
}

export function e2e(): E2E {
	const file = process.env.WIX_E2E;
	if (!file)
		throw new Error(
			'WIX_E2E is not set: run the e2e project through jest (globalSetup starts n8n)',
		);
	const descriptor = JSON.parse(readFileSync(file, 'utf8')) as {
		sandbox: E2E['sandbox'];
		external: E2E['external'];
		n8n: N8nDescriptor;
	};
	return {
		sandbox: descriptor.sandbox,
		external: descriptor.external,
		n8n: new N8nInstance(descriptor.n8n),
	};
}

let counter = 0;
/** A unique 16-character workflow ID, as n8n's CLI import keeps given IDs. */
export function workflowId(prefix: string): string {
	counter++;
	return `${prefix}${Date.now().toString(36)}${counter}`
		.replace(/[^a-zA-Z0-9]/g, '')
		.slice(0, 16)
		.padEnd(16, '0');
}

/** Output items of one node in an `n8n execute` result. */
export function nodeOutput(run: any, nodeName: string): any[] {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run: ${JSON.stringify(run?.data?.resultData?.error ?? run).slice(0, 1500)}`,
		);
	return (runs[0].data?.main?.[0] ?? []).map((item: { json: unknown }) => item.json);
}

/** A workflow that starts with a Manual Trigger and runs `nodes` in the given chain(s). */
export function manualWorkflow(name: string, nodes: any[], connections: Record<string, string[]>) {
	const id = workflowId('wf');
	return {
		id,
		body: {
			id,
			name,
			nodes: [
				{
					id: 'trigger',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				...nodes,
			],
			connections: Object.fromEntries(
				Object.entries(connections).map(([from, tos]) => [
					from,
					{ main: [tos.map((to) => ({ node: to, type: 'main', index: 0 }))] },
				]),
			),
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
	};
}

/** A Wix Contacts node using the sandbox API key credential. */
export function contactsNode(
	name: string,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: 'n8n-nodes-wix-crm.wixContacts',
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { wixApiKeyApi: API_KEY_CREDENTIAL, ...((extra.credentials as object) ?? {}) },
		...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'credentials')),
	};
}

/**
 * A template as a user imports it: the file unchanged but for what the user sets up, i.e. the
 * credentials picked on the Wix nodes and the external base URL in the Settings node.
 */
export function templateAsImported(
	file: string,
	externalUrl: string,
	apiKeyCredential = API_KEY_CREDENTIAL,
): { id: string; body: any } {
	const template = JSON.parse(readFileSync(file, 'utf8'));
	const id = workflowId('tp');
	for (const node of template.nodes) {
		if (node.credentials?.wixApiKeyApi) node.credentials.wixApiKeyApi = apiKeyCredential;
		if (node.credentials?.wixOAuth2Api) node.credentials.wixOAuth2Api = OAUTH_CREDENTIAL;
		if (node.credentials?.wixSiteBackendApi)
			node.credentials.wixSiteBackendApi = SITE_BACKEND_CREDENTIAL;
		if (node.name === 'Settings') {
			for (const a of node.parameters.assignments.assignments)
				if (/Url$/.test(a.name)) a.value = externalUrl;
		}
	}
	return { id, body: { ...template, id } };
}

/**
 * Reads until `ok` holds and returns that reading; fails naming what it waited for and the last
 * reading, so a test never goes on with a state it did not reach.
 */
export async function waitFor<T>(
	what: string,
	read: () => Promise<T>,
	ok: (value: T) => boolean,
	{ timeoutMs = 15_000, everyMs = 250 } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		if (Date.now() > deadline)
			throw new Error(
				`waited ${timeoutMs} ms for ${what}; last reading: ${JSON.stringify(value)?.slice(0, 500)}`,
			);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

/**
 * Unpublishes a workflow and, when a Wix Trigger of it registered a Wix Automation, waits until
 * n8n has removed it: n8n answers before its node's delete call lands, which then showed up in
 * the next test file's request log.
 */
export async function unpublish(
	{ sandbox, n8n }: Pick<E2E, 'sandbox' | 'n8n'>,
	workflowId: string,
): Promise<void> {
	const workflow = await n8n.api('GET', `/workflows/${workflowId}`);
	const hooks = (workflow.nodes as any[])
		.filter((node) => node.type === 'n8n-nodes-wix-crm.wixTrigger')
		.filter((node) => node.parameters?.source === 'automation')
		.map((node) => `/webhook/${node.webhookId}/`);
	await n8n.api('POST', `/workflows/${workflowId}/unpublish`, {});
	if (!hooks.length) return;
	await waitFor(
		`n8n to remove the Wix Automation of workflow ${workflowId}`,
		async () => JSON.stringify((await admin(sandbox, 'GET', '/automations')).automations),
		(automations) => !hooks.some((hook) => automations.includes(hook)),
	);
}

/** Publishing returns before a webhook is live: an unsigned probe gets 404 until then, 401 after. */
export async function webhookLive(url: string): Promise<void> {
	await waitFor(
		`the webhook ${url} to go live`,
		async () => (await fetch(url, { method: 'POST', body: 'probe' })).status,
		(status) => status === 401,
	);
}

/** Publishing a Wix Trigger workflow and reading what it started, for the trigger tests. */
export function triggerKit(sandbox: E2E['sandbox'], n8n: N8nInstance, webhookBase = n8n.url) {
	/** Publishes a workflow; `url` is its Wix Trigger's production URL, once live. */
	async function publish(
		name: string,
		nodes: any[],
		connections: Record<string, unknown> = {},
	): Promise<{ id: string; url: string }> {
		const created = await n8n.api('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
		});
		await n8n.api('POST', `/workflows/${created.id}/publish`, {});
		const trigger = created.nodes.find((n: any) => n.type === 'n8n-nodes-wix-crm.wixTrigger');
		const url = trigger ? `${webhookBase}/webhook/${trigger.webhookId}/webhook` : '';
		if (trigger) await webhookLive(url);
		return { id: created.id, url };
	}

	function triggerNode(parameters: Record<string, unknown> = {}) {
		return {
			name: 'Wix Trigger',
			type: 'n8n-nodes-wix-crm.wixTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { wixOAuth2Api: OAUTH_CREDENTIAL },
		};
	}

	/**
	 * Waits until the sandbox delivered everything, at least `atLeast` executions exist, and n8n has
	 * added none for three readings in a row: a loaded n8n starts the executions of deliveries it
	 * already answered a while later (they queue for its expression isolate).
	 */
	async function settled(workflowId: string, { atLeast = 0 } = {}): Promise<any[]> {
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		let last = -1;
		let quiet = 0;
		for (let round = 0; round < 80; round++) {
			const list = await n8n.executions(workflowId);
			const running = list.some(
				(e) => !e.finished && e.status !== 'error' && e.status !== 'success',
			);
			quiet = list.length === last && !running ? quiet + 1 : 0;
			if (quiet >= 2 && list.length >= atLeast) return list;
			last = list.length;
			await new Promise((r) => setTimeout(r, 500));
		}
		return await n8n.executions(workflowId);
	}

	const firstItem = (execution: any) =>
		execution.data.resultData.runData['Wix Trigger'][0].data.main[0][0].json;

	return { publish, triggerNode, settled, firstItem };
}

/**
 * A workflow a Webhook node at `path` starts, running `nodes` one after another; the webhook
 * answers with the last node's output, so a caller knows when the run ended and how.
 */
export function webhookChain(path: string, nodes: any[]) {
	const webhook = {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `${path}-id`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode' },
	};
	const chain = [webhook, ...nodes.map((n, k) => ({ position: [240 * (k + 1), 0], ...n }))];
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((n, k) => [n.name, { main: [[{ node: chain[k + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { nodes: chain, connections };
}

/** POSTs to a production webhook, again while n8n still answers 404 (not live yet). */
export async function callWebhook(
	url: string,
	body: unknown = {},
	timeoutMs = 60_000,
): Promise<Response> {
	return await waitFor(
		`${url} to answer`,
		async () =>
			await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			}),
		(response) => response.status !== 404,
		{ timeoutMs },
	);
}

/**
 * Prints a line to stderr as each test of the file starts and ends, so whoever watches a long run
 * (jest shows nothing until a file ends) sees what is happening.
 */
export function announceTests(layer = 'e2e') {
	let started = 0;
	beforeEach(() => {
		started = Date.now();
		process.stderr.write(`[${layer}] ${expect.getState().currentTestName} ...\n`);
	});
	afterEach(() => {
		process.stderr.write(`[${layer}] ... done in ${Math.round((Date.now() - started) / 1000)} s\n`);
	});
}
