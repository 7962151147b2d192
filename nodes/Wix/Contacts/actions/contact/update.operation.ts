import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	allowDuplicatesOption,
	contactFieldsCollection,
	createMissingLabelsOption,
} from '../../../contact/descriptions';
import { prepareFields, simplifyContacts, type ContactFields } from '../../../contact/info';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { updateContact } from '../../../contact/write';
import { optionsCollection, simplifyProperty } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	contactLocator,
	contactFieldsCollection(
		'updateFields',
		'Update Fields',
		'Only the fields given change; everything else keeps its stored value. Custom fields are merged by key.',
	),
	simplifyProperty,
	optionsCollection([allowDuplicatesOption, createMissingLabelsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as {
		allowDuplicates?: boolean;
		createMissingLabels?: boolean;
	};
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add at least one field under Update Fields',
		});
	}
	const contact = await updateContact(
		this,
		contactId,
		await prepareFields(this, fields, i, options),
		i,
		options,
	);
	if (this.getNodeParameter('simplify', i, false))
		return (await simplifyContacts(this, [contact]))[0];
	return contact as IDataObject;
}
