import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { splitList } from '../../../shared/contactInfo';
import { wixApiRequestAllItems } from '../../../transport';
import { SUBSCRIPTIONS_PATH } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ada@example.com, grace@example.com',
		description: 'Comma-separated emails (or an array through an expression); looked up 100 per request',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['emailSubscription'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const emails = [...new Set(splitList(this.getNodeParameter('emails', i) as string | string[]).map((e) => e.toLowerCase()))];
	if (!emails.length) throw new NodeOperationError(this.getNode(), 'No emails given in "Emails"', { itemIndex: i });
	const found: IDataObject[] = [];
	for (let start = 0; start < emails.length; start += 100) {
		const chunk = emails.slice(start, start + 100);
		found.push(
			...(await wixApiRequestAllItems(
				this,
				{ method: 'POST', path: `${SUBSCRIPTIONS_PATH}/query`, body: { filter: { email: { $in: chunk } } }, model: 'offset', itemsKey: 'subscriptions', pageSize: 100, pagingIn: 'body' },
				i,
			)),
		);
	}
	return found;
}
