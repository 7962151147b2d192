import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { splitList, type WixContact } from '../../../shared/contactInfo';
import { contactPath, resolveContactId } from '../../../shared/contacts';
import { contactLocator } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { isStaleRevision, MAX_REVISION_RETRIES } from './update.operation';
import { noteContactDeleted, noteContactRevision, noteContactsMerged } from '../../../shared/echo';

const properties: INodeProperties[] = [
	{ ...contactLocator, displayName: 'Target Contact', description: 'The contact that remains; its values win' },
	{
		displayName: 'Source Contact IDs',
		name: 'sourceContactIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8046df3c-…, 1a2b3c4d-…',
		description: 'One to five contacts (comma-separated IDs) merged into the target and then deleted. Site members can only be targets.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['merge'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const targetId = await resolveContactId(this, 'contactId', i);
	const sources = splitList(this.getNodeParameter('sourceContactIds', i) as string | string[]);
	if (sources.length < 1 || sources.length > 5) {
		throw new NodeOperationError(this.getNode(), `Source Contact IDs must list 1 to 5 contacts, got ${sources.length}`, {
			itemIndex: i,
			description: 'Merge more contacts in several runs of five',
		});
	}
	for (let attempt = 0; ; attempt++) {
		const { contact: target } = await wixApiRequest<{ contact: WixContact }>(this, { method: 'GET', path: contactPath(targetId), qs: { fieldsets: ['BASIC'] } }, i);
		noteContactsMerged(targetId);
		noteContactRevision(targetId, (target.revision ?? 0) + 1);
		sources.forEach(noteContactDeleted);
		try {
			const { contact } = await wixApiRequest<{ contact: WixContact }>(
				this,
				{ method: 'POST', path: `${contactPath(targetId)}/merge`, body: { targetContactRevision: target.revision, sourceContactIds: sources } },
				i,
			);
			return { ...(contact as IDataObject), mergedContactIds: sources };
		} catch (error) {
			if (!isStaleRevision(error) || attempt >= MAX_REVISION_RETRIES) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
