import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { fieldsetsProperty } from './common';

const properties: INodeProperties[] = [contactLocator, fieldsetsProperty];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = String(this.getNodeParameter('contactId', i, '', { extractValue: true })).trim();
	const fieldsets = this.getNodeParameter('fieldsets', i, ['FULL']) as string[];
	const response = await wixApiRequest(
		this,
		{ method: 'GET', path: `/contacts/v4/contacts/${encodeURIComponent(contactId)}`, qs: { fieldsets } },
		i,
	);
	return response.contact as IDataObject;
}
