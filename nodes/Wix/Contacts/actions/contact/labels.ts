import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { splitList, type WixContact } from '../../../shared/contactInfo';
import { contactPath, resolveContactId } from '../../../shared/contacts';
import { contactLocator, createMissingLabelsOption } from '../../../shared/descriptions';
import { resolveLabelKeys } from '../../../shared/siteSchema';
import { wixApiRequest } from '../../../transport';
import { noteContactRevision } from '../../../shared/echo';

export function labelProperties(add: boolean): INodeProperties[] {
	const props: INodeProperties[] = [
		contactLocator,
		{
			displayName: 'Label Names or IDs',
			name: 'labels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLabels' },
			required: true,
			default: [],
			description: `Labels to ${add ? 'add' : 'remove'} (1 to 100), by key or name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
	];
	if (add) {
		props.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				createMissingLabelsOption,
			],
		});
	}
	return props;
}

export async function changeLabels(this: IExecuteFunctions, i: number, add: boolean): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const wanted = splitList(this.getNodeParameter('labels', i) as string | string[]);
	if (wanted.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No labels given in "Labels"', { itemIndex: i, description: 'Choose at least one label' });
	}
	const createMissing = add && Boolean((this.getNodeParameter('options', i, {}) as { createMissingLabels?: boolean }).createMissingLabels);
	const labelKeys = await resolveLabelKeys(this, wanted, i, createMissing);
	const path = `${contactPath(contactId)}/labels`;
	const { contact } = await wixApiRequest<{ contact: WixContact }>(
		this,
		add ? { method: 'POST', path, body: { labelKeys } } : { method: 'DELETE', path, qs: { labelKeys } },
		i,
	);
	noteContactRevision(contact.id, contact.revision);
	return contact as IDataObject;
}
