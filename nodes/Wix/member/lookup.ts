// Finding site members by one attribute in batches (an $in filter of up to 100 values per Query
// Members call), so a run costs one request per 100 items. Loyalty (accounts by member ID) and
// Members (badges by contact ID, members by contact ID) both use it.
import type { IExecuteFunctions } from 'n8n-workflow';

import * as membersApi from '../api/members';
import { chunks } from '../shared/lists';
import { wixApiRequestAllItems } from '../transport';

/** How many values one $in filter of Query Members may hold. */
export const LOOKUP_BATCH = 100;

/** Every member whose `field` holds one of `values` (FULL fieldset), in batches of 100 values. */
export async function findMembersBy(
	ctx: IExecuteFunctions,
	field: 'id' | 'contactId' | 'loginEmail',
	values: string[],
): Promise<membersApi.WixMember[]> {
	const found: membersApi.WixMember[] = [];
	for (const batch of chunks([...new Set(values)], LOOKUP_BATCH)) {
		found.push(
			...(await wixApiRequestAllItems<membersApi.WixMember>(
				ctx,
				membersApi.query({ filter: { [field]: { $in: batch } } }),
			)),
		);
	}
	return found;
}
