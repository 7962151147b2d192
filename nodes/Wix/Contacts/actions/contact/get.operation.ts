import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as contactsApi from '../../../api/contacts';
import { fieldsetsProperty } from '../../../contact/descriptions';
import { simplifyContacts, type WixContact } from '../../../contact/info';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { simplifyProperty } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

const properties: INodeProperties[] = [
	contactLocator,
	simplifyProperty,
	{ ...fieldsetsProperty, displayOptions: { show: { simplify: [false] } } },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const simplify = this.getNodeParameter('simplify', i, false) as boolean;
	const fieldsets = simplify
		? ['FULL']
		: (this.getNodeParameter('fieldsets', i, ['FULL']) as string[]);
	const response = await wixApiRequest<{ contact: WixContact; responseType?: string }>(
		this,
		contactsApi.get(contactId, fieldsets),
		i,
	);
	if (simplify) return (await simplifyContacts(this, [response.contact]))[0];
	return { ...(response.contact as IDataObject), responseType: response.responseType };
}
