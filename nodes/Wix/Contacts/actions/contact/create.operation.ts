import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactFieldOptions } from '../../../shared/descriptions';
import { buildContactInfo, type ContactFields } from '../../../shared/contactInfo';
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
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('contactFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as { allowDuplicates?: boolean };
	const response = await wixApiRequest(
		this,
		{
			method: 'POST',
			path: '/contacts/v4/contacts',
			body: { info: buildContactInfo(fields) as IDataObject, allowDuplicates: options.allowDuplicates ?? false },
		},
		i,
	);
	return response.contact as IDataObject;
}
