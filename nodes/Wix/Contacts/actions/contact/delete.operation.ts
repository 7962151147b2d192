import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPath, resolveContactId } from '../../../shared/contacts';
import { contactLocator } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { noteContactDeleted } from '../../../shared/echo';

const properties: INodeProperties[] = [contactLocator];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	noteContactDeleted(contactId);
	await wixApiRequest(this, { method: 'DELETE', path: contactPath(contactId) }, i);
	return { deleted: true, contactId };
}
