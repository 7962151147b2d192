import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, resolveContactId } from '../../../contact/locator';
import { mergeContacts } from '../../../contact/write';
import { splitList } from '../../../shared/lists';

const properties: INodeProperties[] = [
	{
		...contactLocator,
		displayName: 'Target Contact',
		description: 'The contact that remains; its values win',
	},
	{
		displayName: 'Source Contact IDs',
		name: 'sourceContactIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8046df3c-…, 1a2b3c4d-…',
		description:
			'One to five contacts (comma-separated IDs) merged into the target and then deleted. Site members can only be targets.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['merge'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const targetId = await resolveContactId(this, 'contactId', i);
	const sources = splitList(this.getNodeParameter('sourceContactIds', i) as string | string[]);
	if (sources.length < 1 || sources.length > 5) {
		throw new NodeOperationError(
			this.getNode(),
			`Source Contact IDs must list 1 to 5 contacts, got ${sources.length}`,
			{
				itemIndex: i,
				description: 'Merge more contacts in several runs of five',
			},
		);
	}
	const contact = await mergeContacts(this, targetId, sources, i);
	return { ...(contact as IDataObject), mergedContactIds: sources };
}
