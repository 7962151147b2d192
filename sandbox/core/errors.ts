// Wix's error envelopes (wix-api.md H.1) as a throwable the router turns into a response.

export interface FieldViolation {
	field: string;
	description: string;
	violatedRule?: string;
	data?: Record<string, unknown>;
}

export class WixHttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
		readonly headers: Record<string, string> = {},
	) {
		super(String(body.message ?? status));
	}
}

export function appError(
	status: number,
	code: string,
	description: string,
	data?: Record<string, unknown>,
	headers?: Record<string, string>,
): WixHttpError {
	return new WixHttpError(
		status,
		{
			message: description,
			details: { applicationError: { code, description, ...(data ? { data } : {}) } },
		},
		headers,
	);
}

export function validationError(violations: FieldViolation[]): WixHttpError {
	const first = violations[0];
	return new WixHttpError(400, {
		message: `INVALID_ARGUMENT: "${first.field}" ${first.description}`,
		details: {
			validationError: {
				fieldViolations: violations.map((v) => ({ violatedRule: 'VALIDATION', ...v })),
			},
		},
	});
}

export function notFound(code: string, what: string): WixHttpError {
	return appError(404, code, `${what} not found`);
}
