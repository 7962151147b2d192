import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { buildContactInfo, type ContactFields, type WixContactInfo } from '../../../shared/contactInfo';
import { contactFieldOptions, contactLocator } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

const properties: INodeProperties[] = [
	contactLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields given change; everything else keeps its stored value',
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
				description: 'Whether to save even if another contact already has the new email or phone',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

/** How many times a write that lost a race with another writer is re-read and tried again. */
const MAX_REVISION_RETRIES = 3;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = String(this.getNodeParameter('contactId', i, '', { extractValue: true })).trim();
	const fields = this.getNodeParameter('updateFields', i, {}) as ContactFields;
	const options = this.getNodeParameter('options', i, {}) as { allowDuplicates?: boolean };
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No fields to update', {
			itemIndex: i,
			description: 'Add at least one field under Update Fields',
		});
	}
	const path = `/contacts/v4/contacts/${encodeURIComponent(contactId)}`;

	for (let attempt = 0; ; attempt++) {
		// Wix needs the current revision; reading it also lets a partial email/phone change keep the rest.
		const { contact } = await wixApiRequest<{ contact: IDataObject & { revision: number; info?: WixContactInfo } }>(this,
			{ method: 'GET', path, qs: { fieldsets: ['FULL'] } },
			i,
		);
		try {
			const response = await wixApiRequest(
				this,
				{
					method: 'PATCH',
					path,
					body: {
						revision: contact.revision,
						info: buildContactInfo(fields, contact.info) as IDataObject,
						allowDuplicates: options.allowDuplicates ?? false,
					},
				},
				i,
			);
			return response.contact as IDataObject;
		} catch (error) {
			const stale = (error as NodeApiError).context?.wixErrorCode === 'CONTACT_ALREADY_CHANGED';
			if (!stale || attempt >= MAX_REVISION_RETRIES) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
