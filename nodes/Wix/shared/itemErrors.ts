// Errors about one input item that say which item, which field, Wix's (or our) code, and what to do.
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

function where(i: number, field: string): string {
	return `(item ${i}, field "${field}")`;
}

/** A bad value caught before any request (or a fact Wix's answer showed), with a code like Wix's. */
export function itemError(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	code: string,
	message: string,
	description: string,
): NodeOperationError {
	const error = new NodeOperationError(ctx.getNode(), `${message} [${code}] ${where(i, field)}`, {
		itemIndex: i,
		description,
	});
	error.context.wixErrorCode = code;
	return error;
}

/** A Wix error for item `i`, its message naming the item and the field the request was about. */
export function pinToItem(
	ctx: IExecuteFunctions,
	error: unknown,
	i: number,
	field: string,
): NodeApiError | NodeOperationError {
	const pinned =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
	if (!pinned.message.includes('(item ')) pinned.message = `${pinned.message} ${where(i, field)}`;
	pinned.context.itemIndex = i;
	return pinned instanceof NodeApiError
		? new NodeApiError(ctx.getNode(), pinned as unknown as JsonObject)
		: pinned;
}

/** Runs `work` for item `i`; a failure comes back naming the item and `field`. */
export async function forItem<T>(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	work: () => Promise<T>,
): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw pinToItem(ctx, error, i, field);
	}
}

/** A whole number within [min, max], or an error naming the item and field. */
export function wholeNumber(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	min: number,
	max: number,
): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isInteger(n)) {
		throw itemError(
			ctx,
			i,
			field,
			'INVALID_ARGUMENT',
			`${field} must be a whole number of points, not ${JSON.stringify(value)}`,
			`Wix counts points in whole numbers: round the value (e.g. {{ Math.round($json.points) }}) and run again.`,
		);
	}
	if (n < min || n > max) {
		throw itemError(
			ctx,
			i,
			field,
			'OUT_OF_RANGE',
			`${field} must be from ${min} to ${max}, not ${n}`,
			`Give a whole number from ${min} to ${max}.`,
		);
	}
	return n;
}
