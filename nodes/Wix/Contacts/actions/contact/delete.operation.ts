import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, resolveContactId } from '../../../contact/locator';
import { deleteContact } from '../../../contact/write';

const properties: INodeProperties[] = [contactLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	await deleteContact(this, contactId, i);
	return { deleted: true, contactId };
}
