import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { prepareContactInfo, simplifyContacts, type ContactFields, type WixContact } from '../../../shared/contactInfo';
import { CONTACTS_PATH } from '../../../shared/contacts';
import { allowDuplicatesOption, contactFieldsCollection, createMissingLabelsOption, optionsCollection, simplifyProperty } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { noteContactEmail, noteContactRevision } from '../../../shared/echo';

const properties: INodeProperties[] = [
	contactFieldsCollection('contactFields', 'Contact Fields', 'Give at least a name, an email or a phone'),
	simplifyProperty,
	optionsCollection([
			allowDuplicatesOption,
			createMissingLabelsOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('contactFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as { allowDuplicates?: boolean; createMissingLabels?: boolean };
	const info = await prepareContactInfo(this, fields, i, undefined, options);
	noteContactEmail(fields.email);
	const { contact } = await wixApiRequest<{ contact: WixContact }>(
		this,
		{ method: 'POST', path: CONTACTS_PATH, body: { info: info as IDataObject, allowDuplicates: options.allowDuplicates ?? false } },
		i,
	);
	noteContactRevision(contact.id, contact.revision);
	if (this.getNodeParameter('simplify', i, false)) return (await simplifyContacts(this, [contact]))[0];
	return contact as IDataObject;
}
