import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { prepareContactInfo, simplifyContacts, type ContactFields, type WixContact } from '../../../shared/contactInfo';
import { CONTACTS_PATH } from '../../../shared/contacts';
import { contactFieldOptions, simplifyProperty } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Contact Fields',
		name: 'contactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Give at least a name, an email or a phone',
		options: contactFieldOptions,
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Duplicates',
				name: 'allowDuplicates',
				type: 'boolean',
				default: false,
				description: 'Whether to create the contact even if another contact already has this email or phone',
			},
			{
				displayName: 'Create Missing Labels',
				name: 'createMissingLabels',
				type: 'boolean',
				default: false,
				description: 'Whether to create labels given by name that do not exist yet',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('contactFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as { allowDuplicates?: boolean; createMissingLabels?: boolean };
	const info = await prepareContactInfo(this, fields, i, undefined, options);
	const { contact } = await wixApiRequest<{ contact: WixContact }>(
		this,
		{ method: 'POST', path: CONTACTS_PATH, body: { info: info as IDataObject, allowDuplicates: options.allowDuplicates ?? false } },
		i,
	);
	if (this.getNodeParameter('simplify', i, false)) return (await simplifyContacts(this, [contact]))[0];
	return contact as IDataObject;
}
