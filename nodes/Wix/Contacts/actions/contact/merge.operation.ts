import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, resolveContactId } from '../../../contact/locator';
import { mergeContacts } from '../../../contact/write';
import { GUID_REGEX } from '../../../shared/descriptions';
import { splitList } from '../../../shared/lists';
import { contactIdFromUrl, readLocator } from '../../../shared/locator';

const properties: INodeProperties[] = [
	{
		...contactLocator,
		displayName: 'Target Contact',
		description: 'The contact that remains; its values win',
	},
	{
		// A locator since 2026-11; workflows saved before hold a plain comma-separated string here,
		// which reads as By ID.
		displayName: 'Source Contacts',
		name: 'sourceContactIds',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47, 1a2b3c4d-…',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${GUID_REGEX}\\s*(,\\s*${GUID_REGEX}\\s*){0,4}$`,
							errorMessage: 'Give one to five Wix contact IDs (GUIDs), comma-separated',
						},
					},
				],
			},
			// The contact picker's By URL mode: one contact's page in the Wix dashboard.
			contactLocator.modes!.find((mode) => mode.name === 'url')!,
		],
		description:
			'The contact merged into the target and then deleted; By ID takes up to five comma-separated IDs. Site members can only be targets.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['merge'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const targetId = await resolveContactId(this, 'contactId', i);
	const { mode, value } = readLocator(this.getNodeParameter('sourceContactIds', i));
	const sources = mode === 'url' ? [contactIdFromUrl(value) ?? ''] : splitList(value);
	if (sources.includes('')) {
		throw new NodeOperationError(
			this.getNode(),
			`"Source Contacts" is not a contact page URL: ${value}`,
			{
				itemIndex: i,
				description: 'Open the contact in the Wix dashboard and copy its address, or pick By ID',
			},
		);
	}
	if (sources.length < 1 || sources.length > 5) {
		throw new NodeOperationError(
			this.getNode(),
			`Source Contacts must list 1 to 5 contacts, got ${sources.length}`,
			{
				itemIndex: i,
				description: 'Merge more contacts in several runs of five',
			},
		);
	}
	const contact = await mergeContacts(this, targetId, sources, i);
	return { ...(contact as IDataObject), mergedContactIds: sources };
}
