import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { prepareContactInfo, simplifyContacts, type ContactFields, type WixContact } from '../../../shared/contactInfo';
import { contactPath, resolveContactId } from '../../../shared/contacts';
import { allowDuplicatesOption, contactFieldsCollection, contactLocator, createMissingLabelsOption, optionsCollection, simplifyProperty } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { noteContactRevision } from '../../../shared/echo';

const properties: INodeProperties[] = [
	contactLocator,
	contactFieldsCollection('updateFields', 'Update Fields', 'Only the fields given change; everything else keeps its stored value. Custom fields are merged by key.'),
	simplifyProperty,
	optionsCollection([
			allowDuplicatesOption,
			createMissingLabelsOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

/** How many times a write that lost a race with another writer is re-read and tried again. */
export const MAX_REVISION_RETRIES = 3;

export function isStaleRevision(error: unknown): boolean {
	return (error as NodeApiError)?.context?.wixErrorCode === 'CONTACT_ALREADY_CHANGED';
}

/**
 * Writes `fields` onto a contact, reading the current revision first and retrying when another
 * writer got there in between. `known` is a copy already in hand (saves the first read).
 */
export async function writeContact(
	ctx: IExecuteFunctions,
	contactId: string,
	fields: ContactFields,
	i: number,
	options: { allowDuplicates?: boolean; createMissingLabels?: boolean },
	known?: WixContact,
): Promise<WixContact> {
	const path = contactPath(contactId);
	let current = known;
	for (let attempt = 0; ; attempt++) {
		if (!current) current = (await wixApiRequest<{ contact: WixContact }>(ctx, { method: 'GET', path, qs: { fieldsets: ['FULL'] } }, i)).contact;
		const info = await prepareContactInfo(ctx, fields, i, current.info, options);
		noteContactRevision(contactId, (current.revision ?? 0) + 1);
		try {
			const { contact } = await wixApiRequest<{ contact: WixContact }>(
				ctx,
				{ method: 'PATCH', path, body: { revision: current.revision, info: info as IDataObject, allowDuplicates: options.allowDuplicates ?? false } },
				i,
			);
			noteContactRevision(contact.id, contact.revision);
			return contact;
		} catch (error) {
			if (!isStaleRevision(error) || attempt >= MAX_REVISION_RETRIES) throw new NodeApiError(ctx.getNode(), error as JsonObject);
			current = undefined;
		}
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as { allowDuplicates?: boolean; createMissingLabels?: boolean };
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add at least one field under Update Fields',
		});
	}
	const contact = await writeContact(this, contactId, fields, i, options);
	if (this.getNodeParameter('simplify', i, false)) return (await simplifyContacts(this, [contact]))[0];
	return contact as IDataObject;
}
