// Runs one operation per input item, pairing each output with its input and, with
// Continue On Fail, turning a failed item into an error item while the rest go on.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemsAtOnce } from '../transport';

export type OperationFn = (
	this: IExecuteFunctions,
	i: number,
) => Promise<IDataObject | IDataObject[]>;

/**
 * An operation that needs all items at once (to batch look-ups) returns one result or error per item
 * and never throws for one. Without Continue On Fail it may stop after the first failed item and
 * leave later entries empty: the router stops there too.
 */
export type BatchOperationFn = (
	this: IExecuteFunctions,
	itemCount: number,
) => Promise<Array<IDataObject | IDataObject[] | Error>>;

export interface Operation {
	execute?: OperationFn;
	executeBatch?: BatchOperationFn;
	/**
	 * For operations whose items may run side by side: what an item acts on (a contact ID, an
	 * email). Items with the same key run one after another, in input order.
	 */
	concurrencyKey?: (this: IExecuteFunctions, i: number) => string;
}

/**
 * Runs `execute` for every item, at most `limit` at a time, items with the same key in order; each
 * item gets its result or its error. With `stopAfterError`, no item after the first failed one (in
 * input order) starts; those already under way finish, and the skipped ones get no entry.
 */
export async function runConcurrently<T>(
	count: number,
	limit: number,
	keyOf: (i: number) => string,
	execute: (i: number) => Promise<T>,
	{ stopAfterError = false } = {},
): Promise<Array<T | Error>> {
	const results: Array<T | Error> = new Array(count);
	const lastOfKey = new Map<string, Promise<void>>();
	let failedAt = count;
	let next = 0;
	const lane = async () => {
		while (next < count && next <= failedAt) {
			const i = next++;
			const key = keyOf(i);
			const run = (lastOfKey.get(key) ?? Promise.resolve()).then(async () => {
				if (i > failedAt) return;
				try {
					results[i] = await execute(i);
				} catch (error) {
					results[i] = error as Error;
					if (stopAfterError) failedAt = Math.min(failedAt, i);
				}
			});
			lastOfKey.set(key, run);
			await run;
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
	return results;
}

export type OperationTable = Record<string, Record<string, Operation>>;

export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const context = error.context as IDataObject;
		if (context.wixErrorCode) json.code = context.wixErrorCode;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
		if (error.description) json.description = error.description;
		if (context.wixRequestId) json.requestId = context.wixRequestId;
		if (context.wixErrorData) json.details = context.wixErrorData as IDataObject;
	}
	return json;
}

export async function route(
	this: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = operations[resource]?.[operation];
	if (!op?.execute && !op?.executeBatch) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	let batch: Array<IDataObject | IDataObject[] | Error> | undefined;
	if (op.execute && op.concurrencyKey && items.length > 1) {
		// Without Continue On Fail nothing starts after a failed item; the few already under way
		// finish, as their requests are out anyway.
		const key = op.concurrencyKey;
		batch = await runConcurrently(
			items.length,
			await itemsAtOnce(this),
			(i) => key.call(this, i),
			async (i) => await op.execute!.call(this, i),
			{ stopAfterError: !this.continueOnFail() },
		);
	} else if (op.executeBatch) {
		// The contract is a result or an error per item; should an operation throw anyway, every item
		// shares the failure, so Continue On Fail still gets one error item per input item.
		try {
			batch = await op.executeBatch.call(this, items.length);
		} catch (error) {
			batch = items.map(() => error as Error);
		}
	}
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = batch ? batch[i] : await op.execute!.call(this, i);
			if (result instanceof Error) throw result;
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItemJson(error as Error), pairedItem: { item: i } });
				continue;
			}
			// Both constructors hand back the same instance when given one of their own kind.
			if (error instanceof NodeApiError) {
				error.context.itemIndex = i;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			}
			if (error instanceof NodeOperationError) error.context.itemIndex = i;
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [output];
}
