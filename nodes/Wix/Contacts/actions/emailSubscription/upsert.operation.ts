import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as emailSubscriptionsApi from '../../../api/emailSubscriptions';
import { wixApiRequest } from '../../../transport';
import { emailProperty, statusProperty } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['emailSubscription'], operation: ['upsert'] } },
	[emailProperty, statusProperty],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const subscription = {
		email: String(this.getNodeParameter('email', i)).trim(),
		subscriptionStatus: this.getNodeParameter('subscriptionStatus', i) as string,
	};
	const response = await wixApiRequest<{ subscription: IDataObject }>(
		this,
		emailSubscriptionsApi.upsert(subscription),
		i,
	);
	return response.subscription;
}
