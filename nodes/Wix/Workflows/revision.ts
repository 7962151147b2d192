// Writes that Wix takes at a revision (pipeline and card updates, card moves): the revision is
// read when not given, and a write refused because another writer got there first is re-read and
// tried once more. A revision the user gave is used as is: it says "only if still unchanged".
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Codes Wix uses for a write at a revision that is no longer current. */
const STALE_CODES = new Set([
	'REVISION_MISMATCH',
	'REVISION_CONFLICT',
	'CARD_ALREADY_CHANGED',
	'PIPELINE_ALREADY_CHANGED',
	'ENTITY_REVISION_MISMATCH',
	'ABORTED',
]);

export function isStaleRevision(error: unknown): boolean {
	const e = error as NodeApiError;
	if (!(e instanceof NodeApiError)) return false;
	return e.httpCode === '409' || STALE_CODES.has(String(e.context?.wixErrorCode ?? ''));
}

/** How many times a write that lost a race is re-read and sent again. */
export const STALE_RETRIES = 1;

export async function writeAtRevision<T>(
	ctx: IExecuteFunctions,
	given: string | undefined,
	read: () => Promise<string>,
	write: (revision: string) => Promise<T>,
): Promise<T> {
	if (given) return await write(given);
	for (let attempt = 0; ; attempt++) {
		const revision = await read();
		try {
			return await write(revision);
		} catch (error) {
			if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
			if (!isStaleRevision(error) || attempt >= STALE_RETRIES)
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	}
}
