// The polling cursor: each poll reads a half-open time window [from, to), with `to` a little in the
// past so records Wix has not finished indexing are read next time. Inside the window it pages by
// keyset (shared/keyset.ts), so a record belongs to exactly one window by its timestamp: none lost,
// none repeated, however many share one timestamp.
import type { IDataObject } from 'n8n-workflow';

export interface PollCursor {
	/** Start of the next window (ISO), inclusive. */
	from: string;
}

/** The records whose `field` is in [from, to). */
export function windowFilter(field: string, from: string, to: string): IDataObject {
	return { [field]: { $gte: from, $lt: to } };
}
