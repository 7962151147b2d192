// The member of each item's contact, looked up in batches of 100 contact IDs (one Query Members per
// 100 items). A contact that is not a site member fails its item.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, resolveContactId } from '../../../contact/locator';
import { findMembersBy } from '../../../member/lookup';
import { itemError, pinToItem } from '../../../shared/itemErrors';

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['getByContactId'] } },
	[{ ...contactLocator, description: 'The contact whose member to get' }] as INodeProperties[],
);

export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = new Array(itemCount);
	const contactOf: Array<string | undefined> = new Array(itemCount);
	for (let i = 0; i < itemCount; i++) {
		try {
			contactOf[i] = await resolveContactId(this, 'contactId', i);
		} catch (error) {
			results[i] = pinToItem(this, error, i, 'Contact');
			if (!this.continueOnFail()) return results;
		}
	}
	const wanted = contactOf.filter((c): c is string => Boolean(c));
	let members;
	try {
		members = await findMembersBy(this, 'contactId', wanted);
	} catch (error) {
		for (let i = 0; i < itemCount; i++) if (contactOf[i]) results[i] = error as Error;
		return results;
	}
	const byContact = new Map(members.map((m) => [String(m.contactId), m]));
	for (let i = 0; i < itemCount; i++) {
		const contactId = contactOf[i];
		if (!contactId) continue;
		const member = byContact.get(contactId);
		results[i] = member
			? (member as IDataObject)
			: itemError(
					this,
					i,
					'Contact',
					'MEMBER_NOT_FOUND',
					`Contact ${contactId} is not a site member`,
					'Only contacts who signed up to the site are members. Check the contact ID, or sign the contact up first.',
				);
	}
	return results;
}
