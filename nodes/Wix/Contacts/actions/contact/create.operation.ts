import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	allowDuplicatesOption,
	contactFieldsCollection,
	createMissingLabelsOption,
} from '../../../contact/descriptions';
import { prepareFields, simplifyContacts, type ContactFields } from '../../../contact/info';
import { createContact } from '../../../contact/write';
import { optionsCollection, simplifyProperty } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	contactFieldsCollection(
		'contactFields',
		'Contact Fields',
		'Give at least a name, an email or a phone',
	),
	simplifyProperty,
	optionsCollection([allowDuplicatesOption, createMissingLabelsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('contactFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as {
		allowDuplicates?: boolean;
		createMissingLabels?: boolean;
	};
	const contact = await createContact(
		this,
		await prepareFields(this, fields, i, options),
		i,
		options,
	);
	if (this.getNodeParameter('simplify', i, false))
		return (await simplifyContacts(this, [contact]))[0];
	return contact as IDataObject;
}
