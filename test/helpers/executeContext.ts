// A small IExecuteFunctions that runs one of our nodes in-process: parameters resolve the way n8n
// resolves a saved node, and requests really go over HTTP with the credential's own authentication
// (generic or function, preAuthentication, re-mint on 401), failing the way n8n's helper fails.
import type {
	IAdditionalCredentialOptions,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { ApplicationError, isResourceLocatorValue, NodeApiError, NodeHelpers } from 'n8n-workflow';

import { WixApiKeyApi } from '../../credentials/WixApiKeyApi.credentials';
import { WixOAuth2Api } from '../../credentials/WixOAuth2Api.credentials';
import { WixSiteBackendApi } from '../../credentials/WixSiteBackendApi.credentials';

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	wixApiKeyApi: new WixApiKeyApi(),
	wixOAuth2Api: new WixOAuth2Api(),
	wixSiteBackendApi: new WixSiteBackendApi(),
};

export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: unknown;
}

/** Sends an IHttpRequestOptions with fetch and fails like n8n's axios-based helper. */
export async function sendHttp(
	options: IHttpRequestOptions,
	sent?: SentRequest[],
): Promise<unknown> {
	const url = new URL(options.baseURL ? `${options.baseURL}${options.url}` : options.url);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, String(v)));
		else url.searchParams.append(key, String(value));
	}
	const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
	let body: string | undefined;
	if (options.body !== undefined && options.method !== 'GET' && options.method !== 'DELETE') {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
	}
	sent?.push({ method: options.method ?? 'GET', url: url.toString(), headers, body: options.body });
	let response: Response;
	try {
		response = await fetch(url, {
			method: options.method ?? 'GET',
			headers,
			body,
			signal: AbortSignal.timeout(options.timeout ?? 60_000),
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		const code =
			(error as Error).name === 'TimeoutError' ? 'ETIMEDOUT' : (cause?.code ?? 'ECONNRESET');
		throw Object.assign(new Error(cause?.message ?? (error as Error).message), {
			code,
			isAxiosError: true,
		});
	}
	const text = await response.text();
	let data: unknown = text;
	try {
		data = text ? JSON.parse(text) : {};
	} catch {
		// Not JSON: keep the text, as axios does.
	}
	if (response.status < 200 || response.status >= 300) {
		const responseHeaders: Record<string, string> = {};
		response.headers.forEach((value, key) => (responseHeaders[key] = value));
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			isAxiosError: true,
			response: { status: response.status, headers: responseHeaders, data },
		});
	}
	return data;
}

function resolveExpression(template: string, credentials: IDataObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
			String(credentials[key] ?? ''),
		);
}

async function authenticate(
	type: ICredentialType,
	credentials: IDataObject,
	options: IHttpRequestOptions,
) {
	const auth = type.authenticate;
	if (typeof auth === 'function') return await auth(credentials as never, options);
	if (auth?.type === 'generic') {
		const headers = { ...(options.headers as Record<string, string>) };
		for (const [key, value] of Object.entries(auth.properties.headers ?? {}))
			headers[key] = resolveExpression(String(value), credentials);
		return { ...options, headers };
	}
	return options;
}

export interface RunOptions {
	node: INodeType;
	/** Parameter values; a function gives a per-item value, like an expression would. */
	parameters: Record<string, unknown>;
	items?: IDataObject[];
	credentials: { type: 'wixApiKeyApi' | 'wixOAuth2Api'; data: IDataObject };
	/** Other credentials the node may ask for, by type. */
	extraCredentials?: Record<string, IDataObject>;
	continueOnFail?: boolean;
	/** What `getExecutionId()` answers (n8n gives every execution its own). */
	executionId?: string;
	/** The node's type version (1 unless given), which decides the parameters it shows. */
	typeVersion?: number;
}

export interface RunResult {
	output: INodeExecutionData[];
	requests: SentRequest[];
	/** The credential data after the run (n8n persists what preAuthentication returns). */
	credentials: IDataObject;
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const context = await contextFor(options);
	const [output] = (await options.node.execute!.call(context)) as INodeExecutionData[][];
	return {
		output,
		requests: (context as unknown as { requests: SentRequest[] }).requests,
		credentials: (context as unknown as { stores: Record<string, IDataObject> }).stores[
			options.credentials.type
		],
	};
}

async function contextFor(options: RunOptions): Promise<IExecuteFunctions> {
	const { node } = options;
	const parameters = { ...options.parameters };
	if (options.credentials.type === 'wixOAuth2Api' && parameters.authentication === undefined)
		parameters.authentication = 'oAuth2';
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const stores: Record<string, IDataObject> = {
		[options.credentials.type]: { ...options.credentials.data },
	};
	for (const [type, data] of Object.entries(options.extraCredentials ?? {}))
		stores[type] = { ...data };
	const requests: SentRequest[] = [];
	const nodeInfo = {
		id: 'test-node',
		name: 'Wix',
		type: `n8n-nodes-wix-crm.${node.description.name}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0] as [number, number],
		parameters: parameters as never,
	};

	// Like n8n's Workflow on load: fill in defaults and drop what the node would not display. A
	// per-item function stands in for an expression, so its value goes through the same resolution;
	// without one, every item sees the same parameters.
	const perItem = Object.values(parameters).some((value) => typeof value === 'function');
	const resolved = new Map<number, INodeParameters>();
	const parametersFor = (itemIndex: number) => {
		const key = perItem ? itemIndex : 0;
		if (!resolved.has(key)) {
			const item = items[key]?.json ?? {};
			const values = Object.fromEntries(
				Object.entries(parameters).map(([name, value]) => [
					name,
					typeof value === 'function'
						? (value as (i: number, item: IDataObject) => unknown)(key, item)
						: value,
				]),
			) as INodeParameters;
			resolved.set(
				key,
				NodeHelpers.getNodeParameters(
					node.description.properties,
					values,
					true,
					false,
					nodeInfo,
					node.description,
				) ?? {},
			);
		}
		return resolved.get(key)!;
	};

	// n8n's lookup: a dotted path into the resolved parameters, the fallback only for undefined, and
	// a copy, so a node that edits what it got cannot change the next item's parameters.
	const getParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		opts?: IGetNodeParameterOptions,
	) => {
		const found = name
			.split('.')
			.reduce<unknown>(
				(value, key) => (value as IDataObject | undefined)?.[key],
				parametersFor(itemIndex),
			);
		const value = found === undefined ? fallback : structuredClone(found);
		if (value === undefined)
			throw new ApplicationError('Could not get parameter', { extra: { parameterName: name } });
		return opts?.extractValue && isResourceLocatorValue(value) ? value.value : value;
	};

	const helpers = {
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		constructExecutionMetaData: (
			data: INodeExecutionData[],
			meta: { itemData: { item: number } },
		) => data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		httpRequestWithAuthentication: async function (
			this: unknown,
			type: string,
			requestOptions: IHttpRequestOptions,
			additional?: IAdditionalCredentialOptions,
		) {
			const credentialType = CREDENTIAL_TYPES[type];
			const stored = stores[type];
			if (!credentialType || !stored) throw new Error(`Node has no credential of type ${type}`);
			// Like n8n: data the caller passes is used as given; what preAuthentication returns is
			// stored with the credential as well.
			const credentials = (additional?.credentialsDecrypted?.data as IDataObject) ?? stored;
			const expirable = credentialType.properties.find((p) => p.typeOptions?.expirable);
			const preAuthenticate = async () => {
				const minted = await credentialType.preAuthentication!.call(
					{ helpers: { httpRequest: (o: IHttpRequestOptions) => sendHttp(o, requests) } } as never,
					credentials as never,
				);
				Object.assign(credentials, minted);
				Object.assign(stored, minted);
			};
			try {
				if (expirable && !credentials[expirable.name]) await preAuthenticate();
				return await sendHttp(
					await authenticate(credentialType, credentials, requestOptions),
					requests,
				);
			} catch (error) {
				const status = (error as { response?: { status?: number } }).response?.status;
				if (expirable && status === 401) {
					try {
						await preAuthenticate();
						return await sendHttp(
							await authenticate(credentialType, credentials, requestOptions),
							requests,
						);
					} catch (retryError) {
						throw new NodeApiError(nodeInfo, retryError as never);
					}
				}
				throw new NodeApiError(nodeInfo, error as never);
			}
		},
	};

	const context = {
		getInputData: () => items,
		getNodeParameter: getParameter,
		getNode: () => nodeInfo,
		getCredentials: async (type: string) => {
			if (!stores[type]) throw new Error(`Node has no credential of type ${type}`);
			return { ...stores[type] };
		},
		continueOnFail: () => options.continueOnFail ?? false,
		getExecutionId: () => options.executionId ?? 'test-execution',
		helpers,
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		requests,
		stores,
	} as unknown as IExecuteFunctions;
	return context;
}

export interface PollOptions {
	node: INodeType;
	parameters: Record<string, unknown>;
	credentials: { type: 'wixApiKeyApi' | 'wixOAuth2Api'; data: IDataObject };
	/** The node's static data, kept by the caller between polls as n8n keeps it. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
	typeVersion?: number;
}

/** Runs one poll of a polling trigger with real HTTP, like n8n's poll scheduler does. */
export async function runPoll(options: PollOptions): Promise<IDataObject[] | null> {
	const execute = await contextFor({ ...options, items: [{}] });
	const context = {
		...execute,
		getNodeParameter: (name: string, fallback?: unknown, opts?: IGetNodeParameterOptions) =>
			execute.getNodeParameter(name, 0, fallback, opts),
		getWorkflowStaticData: () => options.staticData,
		getMode: () => options.mode ?? 'trigger',
	};
	const result = await options.node.poll!.call(context as never);
	return result ? result[0].map((item) => item.json) : null;
}

export interface WebhookOptions {
	node: INodeType;
	parameters: Record<string, unknown>;
	credentials: { type: 'wixApiKeyApi' | 'wixOAuth2Api'; data: IDataObject };
	/** The node's static data, kept by the caller between requests as n8n keeps it. */
	staticData: IDataObject;
	/** The raw request body (a Wix webhook's JWT). */
	body: string;
	query?: IDataObject;
	/** The workflow ID, which per-process caches of the node are keyed by. */
	workflowId?: string;
	typeVersion?: number;
}

export interface WebhookResult {
	status: number;
	/** The items the request started an execution with, or null when it started none. */
	items: IDataObject[] | null;
	requests: SentRequest[];
}

/** Runs a trigger's `webhook()` on one request, with real HTTP for the node's own requests. */
export async function runWebhook(options: WebhookOptions): Promise<WebhookResult> {
	const execute = await contextFor({ ...options, items: [{}] });
	let status = 200;
	const res = {
		status(code: number) {
			status = code;
			return res;
		},
		json: () => res,
		end: () => res,
	};
	const context = {
		...execute,
		getNodeParameter: (name: string, fallback?: unknown, opts?: IGetNodeParameterOptions) =>
			execute.getNodeParameter(name, 0, fallback, opts),
		getWorkflowStaticData: () => options.staticData,
		getWorkflow: () => ({ id: options.workflowId ?? 'test-workflow', name: 'Test' }),
		getRequestObject: () => ({ rawBody: Buffer.from(options.body) }),
		getResponseObject: () => res,
		getQueryData: () => options.query ?? {},
	};
	const result = await options.node.webhook!.call(context as never);
	const items = result.workflowData ? result.workflowData[0].map((item) => item.json) : null;
	return {
		status,
		items,
		requests: (execute as unknown as { requests: SentRequest[] }).requests,
	};
}

export interface HookOptions {
	node: INodeType;
	parameters: Record<string, unknown>;
	credentials: { type: 'wixApiKeyApi' | 'wixOAuth2Api'; data: IDataObject };
	/** The node's static data, shared with `runWebhook` as n8n shares it. */
	staticData: IDataObject;
	/** The node's production webhook URL, as n8n would give it. */
	webhookUrl: string;
	typeVersion?: number;
}

/** Runs one of a trigger's webhook methods (checkExists, create, delete), as n8n does on (de)activation. */
export async function runHook(
	options: HookOptions,
	method: 'checkExists' | 'create' | 'delete',
): Promise<boolean> {
	const execute = await contextFor({ ...options, items: [{}] });
	const context = {
		...execute,
		getNodeParameter: (name: string, fallback?: unknown) =>
			execute.getNodeParameter(name, 0, fallback),
		getWorkflowStaticData: () => options.staticData,
		getWorkflow: () => ({ id: 'test-workflow', name: 'Test' }),
		getNodeWebhookUrl: () => options.webhookUrl,
	};
	return await options.node.webhookMethods!.default![method]!.call(context as never);
}
