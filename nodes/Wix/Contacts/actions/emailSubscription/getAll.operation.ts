import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as emailSubscriptionsApi from '../../../api/emailSubscriptions';
import { chunks, normalizeEmail, splitList } from '../../../shared/lists';
import { wixApiRequestAllItems } from '../../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ada@example.com, grace@example.com',
		description:
			'Comma-separated emails (or an array through an expression); looked up 100 per request',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['emailSubscription'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const emails = [
		...new Set(
			splitList(this.getNodeParameter('emails', i) as string | string[]).map(normalizeEmail),
		),
	];
	if (!emails.length)
		throw new NodeOperationError(this.getNode(), 'No emails given in "Emails"', { itemIndex: i });
	const found: IDataObject[] = [];
	for (const batch of chunks(emails, emailSubscriptionsApi.BATCH_SIZE)) {
		found.push(
			...(await wixApiRequestAllItems(this, emailSubscriptionsApi.queryByEmails(batch), i)),
		);
	}
	return found;
}
