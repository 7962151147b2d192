// Turns Wix's error envelope (details.applicationError / details.validationError) into a message
// that names the field and Wix's code, and a description that says what to do. It knows no Wix API:
// what one API adds (hints for its codes, words for its error data) comes with the request.

export interface WixFieldViolation {
	field?: string;
	description?: string;
	violatedRule?: string;
	ruleName?: string;
	data?: Record<string, unknown>;
}

export interface WixErrorBody {
	message?: string;
	details?: {
		applicationError?: { code?: string; description?: string; data?: Record<string, unknown> };
		validationError?: { fieldViolations?: WixFieldViolation[] };
	};
}

/** What the transport knows about a failed request. */
export interface WixFailure {
	status?: number;
	body?: unknown;
	requestId?: string;
	networkCode?: string;
	networkMessage?: string;
	attempts?: number;
}

/** What one Wix API adds to the generic summary; its module in `api/` hands it to every request. */
export interface WixApiErrors {
	/** Hints by Wix error code (`DUPLICATE_CONTACT_EXISTS`) or HTTP status (`'409'`); a code wins. */
	hints?: Record<string, string>;
	/** Words for the `data` of an application error, e.g. which record a duplicate is. */
	describeData?: (data: Record<string, unknown>) => string;
}

export interface WixErrorSummary {
	message: string;
	description: string;
	code: string;
	httpCode?: string;
	data?: Record<string, unknown>;
}

const GRPC_CODE_BY_STATUS: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	409: 'ALREADY_EXISTS',
	428: 'FAILED_PRECONDITION',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	503: 'UNAVAILABLE',
	504: 'DEADLINE_EXCEEDED',
};

const HINT_BY_STATUS: Record<number, string> = {
	400: 'Correct the field named in the message and run the node again.',
	401: 'Wix did not accept the credential: check the API key (or app ID, secret and instance ID) and that the site ID belongs to the key’s account.',
	403: 'The API key or app lacks a permission this call needs: add it in the Wix API Keys Manager (or the app’s permissions) and run again.',
	404: 'Check the ID: nothing with it exists on this site (it may have been deleted).',
	409: 'The record already exists or changed since it was read: re-read it and run again.',
	428: 'Wix refused because of the record’s current state.',
	429: 'Wix throttled the requests (about 200 per minute per site): lower Max Requests per Minute on the credential or spread the run over time.',
};

const NETWORK_HINT =
	'Wix could not be reached: check the API Base URL on the credential and the network, then run again.';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseErrorBody(body: unknown): WixErrorBody | undefined {
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			return isRecord(parsed) ? (parsed as WixErrorBody) : undefined;
		} catch {
			return body.trim() ? { message: body.trim() } : undefined;
		}
	}
	return isRecord(body) ? (body as WixErrorBody) : undefined;
}

function describeViolations(violations: WixFieldViolation[]): string {
	return violations
		.map((v) =>
			v.field
				? `field "${v.field}" ${v.description ?? 'is invalid'}`
				: (v.description ?? 'invalid value'),
		)
		.join('; ');
}

export function summarizeWixError(failure: WixFailure, api: WixApiErrors = {}): WixErrorSummary {
	const requestIdNote = failure.requestId ? ` Wix request ID: ${failure.requestId}.` : '';
	const retriedNote =
		failure.attempts && failure.attempts > 1 ? ` The node tried ${failure.attempts} times.` : '';

	if (failure.status === undefined) {
		const code = failure.networkCode ?? 'NETWORK_ERROR';
		return {
			message: `Could not reach Wix: ${failure.networkMessage ?? code} [${code}]`,
			description: `${NETWORK_HINT}${retriedNote}`,
			code,
		};
	}

	const status = failure.status;
	const body = parseErrorBody(failure.body);
	const app = body?.details?.applicationError;
	const violations = body?.details?.validationError?.fieldViolations ?? [];
	const code =
		app?.code ??
		(violations.length ? 'INVALID_ARGUMENT' : (GRPC_CODE_BY_STATUS[status] ?? `HTTP_${status}`));

	let text: string;
	if (violations.length) text = describeViolations(violations);
	else text = app?.description || body?.message || `Wix answered HTTP ${status}`;
	const described = app?.data && api.describeData ? api.describeData(app.data) : '';
	if (described) text += ` (${described})`;

	const hint =
		api.hints?.[code] ??
		api.hints?.[String(status)] ??
		HINT_BY_STATUS[status] ??
		(status >= 500
			? 'Wix had a server-side failure. Run the node again later.'
			: 'Check the parameters and run again.');

	return {
		message: `${text} [${code}]`,
		description: `${hint}${retriedNote}${requestIdNote}`,
		code,
		httpCode: String(status),
		data: app?.data,
	};
}
