import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyContacts, type WixContact } from '../../../shared/contactInfo';
import { contactPath, resolveContactId } from '../../../shared/contacts';
import { contactLocator, simplifyProperty } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { fieldsetsProperty } from './common';

const properties: INodeProperties[] = [contactLocator, simplifyProperty, { ...fieldsetsProperty, displayOptions: { show: { simplify: [false] } } }];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const simplify = this.getNodeParameter('simplify', i, false) as boolean;
	const fieldsets = simplify ? ['FULL'] : (this.getNodeParameter('fieldsets', i, ['FULL']) as string[]);
	const response = await wixApiRequest<{ contact: WixContact; responseType?: string }>(
		this,
		{ method: 'GET', path: contactPath(contactId), qs: { fieldsets } },
		i,
	);
	if (simplify) return (await simplifyContacts(this, [response.contact]))[0];
	return { ...(response.contact as IDataObject), responseType: response.responseType };
}
