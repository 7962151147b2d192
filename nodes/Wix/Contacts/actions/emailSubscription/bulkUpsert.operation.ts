// One request per 100 input items; each item gets its own result or error.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as emailSubscriptionsApi from '../../../api/emailSubscriptions';
import { chunks } from '../../../shared/lists';
import { wixApiRequest } from '../../../transport';
import { emailProperty, statusProperty } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['emailSubscription'], operation: ['bulkUpsert'] } },
	[
		{
			displayName: 'Each input item is one subscription; the node sends them 100 per request.',
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
		emailProperty,
		statusProperty,
	],
);

interface BulkResult {
	originalIndex: number;
	emailSubscription?: IDataObject;
	error?: { errorCode?: string; message?: string };
}

export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = new Array(itemCount);
	const queued: Array<{ index: number; subscription: IDataObject }> = [];
	for (let i = 0; i < itemCount; i++) {
		queued.push({
			index: i,
			subscription: {
				email: String(this.getNodeParameter('email', i)).trim(),
				subscriptionStatus: this.getNodeParameter('subscriptionStatus', i) as string,
			},
		});
	}
	for (const chunk of chunks(queued, emailSubscriptionsApi.BATCH_SIZE)) {
		try {
			const response = await wixApiRequest<{ results?: BulkResult[] }>(
				this,
				emailSubscriptionsApi.bulkUpsert(chunk.map((c) => c.subscription)),
			);
			for (const result of response.results ?? []) {
				const { index } = chunk[result.originalIndex];
				results[index] = result.error
					? new NodeOperationError(
							this.getNode(),
							`${result.error.message ?? 'Wix refused this subscription'} [${result.error.errorCode ?? 'INVALID_ARGUMENT'}]`,
							{
								itemIndex: index,
								description: 'Fix the email or status of this item; the other items were saved',
							},
						)
					: (result.emailSubscription ?? {});
			}
		} catch (error) {
			for (const { index } of chunk) results[index] = error as Error;
		}
	}
	return results;
}
