// What Add Labels and Remove Labels share: the same picker, one request each way.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createMissingLabelsOption } from '../../../contact/descriptions';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { resolveLabelKeys } from '../../../contact/siteSchema';
import { changeContactLabels } from '../../../contact/write';
import { optionsCollection } from '../../../shared/descriptions';
import { splitList } from '../../../shared/lists';

export function labelProperties(add: boolean): INodeProperties[] {
	const props: INodeProperties[] = [
		contactLocator,
		{
			displayName: 'Label Names or IDs',
			name: 'labels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLabels', loadOptionsDependsOn: ['site.value'] },
			required: true,
			default: [],
			description: `Labels to ${add ? 'add' : 'remove'} (1 to 100), by key or name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
	];
	if (add) props.push(optionsCollection([createMissingLabelsOption]));
	return props;
}

export async function changeLabels(
	this: IExecuteFunctions,
	i: number,
	add: boolean,
): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const wanted = splitList(this.getNodeParameter('labels', i) as string | string[]);
	if (wanted.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No labels given in "Labels"', {
			itemIndex: i,
			description: 'Choose at least one label',
		});
	}
	const createMissing =
		add &&
		Boolean(
			(this.getNodeParameter('options', i, {}) as { createMissingLabels?: boolean })
				.createMissingLabels,
		);
	const labelKeys = await resolveLabelKeys(this, wanted, i, createMissing);
	return (await changeContactLabels(this, contactId, labelKeys, add, i)) as IDataObject;
}
