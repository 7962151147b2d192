import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

const properties: INodeProperties[] = [contactLocator];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = String(this.getNodeParameter('contactId', i, '', { extractValue: true })).trim();
	await wixApiRequest(this, { method: 'DELETE', path: `/contacts/v4/contacts/${encodeURIComponent(contactId)}` }, i);
	return { deleted: true, contactId };
}
