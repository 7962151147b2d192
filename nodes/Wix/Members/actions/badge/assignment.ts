// Assign and Unassign: every item's members checked in batches of 100 (Query Members by member ID,
// or by contact ID to find each contact's member), so a contact that is not a member or an unknown
// member ID fails its item with a clear error before anything is written; then one request per
// item (per 100 members) to Wix.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import type { WixMember } from '../../../api/members';
import { findMembersBy } from '../../../member/lookup';
import { itemError, pinToItem } from '../../../shared/itemErrors';
import { chunks } from '../../../shared/lists';
import { runConcurrently } from '../../../shared/router';
import { itemsAtOnce, wixApiRequest } from '../../../transport';
import { requiredList, requiredValue } from '../../descriptions';

interface Pending {
	index: number;
	badgeId: string;
	by: 'memberId' | 'contactId';
	ids: string[];
	memberIds?: string[];
}

function readItem(ctx: IExecuteFunctions, i: number): Pending {
	const badgeId = requiredValue(ctx, 'badgeId', 'Badge', i);
	const by = ctx.getNodeParameter('identifyBy', i, 'memberId') as Pending['by'];
	const ids =
		by === 'contactId'
			? requiredList(ctx, 'contactIds', 'Contact IDs', i)
			: requiredList(ctx, 'memberIds', 'Member IDs', i);
	return { index: i, badgeId, by, ids };
}

export async function changeAssignments(
	ctx: IExecuteFunctions,
	itemCount: number,
	assign: boolean,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = new Array(itemCount);
	const pending: Pending[] = [];
	for (let i = 0; i < itemCount; i++) {
		try {
			pending.push(readItem(ctx, i));
		} catch (error) {
			results[i] = error as Error;
		}
	}
	const byMember = new Map<string, WixMember>();
	const byContact = new Map<string, WixMember>();
	for (const [by, index] of [
		['memberId', byMember],
		['contactId', byContact],
	] as const) {
		const items = pending.filter((p) => p.by === by);
		if (!items.length) continue;
		try {
			const found = await findMembersBy(
				ctx,
				by === 'memberId' ? 'id' : 'contactId',
				items.flatMap((p) => p.ids),
			);
			for (const m of found) index.set(String(by === 'memberId' ? m.id : m.contactId), m);
		} catch (error) {
			for (const p of items) results[p.index] = error as Error;
		}
	}
	for (const p of pending) {
		if (results[p.index]) continue;
		const index = p.by === 'memberId' ? byMember : byContact;
		const missing = p.ids.filter((id) => !index.has(id));
		// Unassigning from someone who is no member (any more) has nothing to do, so only Assign fails.
		if (missing.length && assign) {
			results[p.index] =
				p.by === 'contactId'
					? itemError(
							ctx,
							p.index,
							'Contact IDs',
							'MEMBER_NOT_FOUND',
							`${missing.length === 1 ? 'Contact' : 'Contacts'} ${missing.join(', ')} ${missing.length === 1 ? 'is not a site member' : 'are not site members'}, so cannot get a badge`,
							'Badges belong to site members: leave these contacts out (e.g. filter on memberId being set), or have them sign up first.',
						)
					: itemError(
							ctx,
							p.index,
							'Member IDs',
							'MEMBER_NOT_FOUND',
							`No site member has the ID ${missing.join(', ')}`,
							'Check the member IDs (a contact ID is not a member ID: set Identify Members By to Contact ID to pass contact IDs).',
						);
			continue;
		}
		p.memberIds = p.ids.filter((id) => index.has(id)).map((id) => String(index.get(id)!.id));
	}

	const stopAfterFailure = !ctx.continueOnFail();
	const failedEarly = results.findIndex((r) => r instanceof Error);
	const writable = pending.filter(
		(p) => !results[p.index] && (!stopAfterFailure || failedEarly < 0 || p.index < failedEarly),
	);
	const written = await runConcurrently(
		writable.length,
		await itemsAtOnce(ctx),
		(k) => `badge:${writable[k].badgeId}`,
		async (k) => await write(ctx, writable[k], assign),
		{ stopAfterError: stopAfterFailure },
	);
	written.forEach((result, k) => {
		if (result !== undefined) results[writable[k].index] = result;
	});
	return results;
}

async function write(ctx: IExecuteFunctions, item: Pending, assign: boolean): Promise<IDataObject> {
	const memberIds = item.memberIds ?? [];
	const done: string[] = [];
	try {
		for (const batch of chunks(memberIds, badgesApi.MEMBERS_PER_REQUEST)) {
			if (assign) {
				const answer = await wixApiRequest<{ memberIds?: string[] }>(
					ctx,
					badgesApi.assign(item.badgeId, batch),
					item.index,
				);
				done.push(...(answer.memberIds ?? batch));
			} else {
				await wixApiRequest(ctx, badgesApi.unassign(item.badgeId, batch), item.index);
				done.push(...batch);
			}
		}
	} catch (error) {
		throw pinToItem(ctx, error, item.index, 'Badge');
	}
	const output: IDataObject = { badgeId: item.badgeId, memberIds: done };
	if (item.by === 'contactId') output.contactIds = item.ids;
	output[assign ? 'assigned' : 'unassigned'] = true;
	return output;
}
