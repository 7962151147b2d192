// Earn Points with an idempotency key: given, or derived from the execution, the node and the item,
// so a request sent again (a lost answer, Retry On Fail) is recognised by Wix and credits once.
import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as accountsApi from '../../../api/loyaltyAccounts';
import { optionsCollection } from '../../../shared/descriptions';
import { forItem, itemError, wholeNumber } from '../../../shared/itemErrors';
import { markedDescription, MAX_USER_DESCRIPTION } from '../../../shared/loyaltyMark';
import { wixApiRequest } from '../../../transport';
import type { WixLoyaltyAccount } from '../../accounts';
import { accountLocator, requiredValue } from '../../descriptions';

const properties: INodeProperties[] = [
	accountLocator('The account that earns the points'),
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
		description: 'How many points to credit: a whole number from 1 to 9,999,999',
	},
	optionsCollection([
		{
			displayName: 'Activity Type',
			name: 'activityType',
			type: 'string',
			default: '',
			placeholder: 'e.g. purchase',
			description: 'What the customer did to earn the points (at most 100 characters)',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			// The Wix Loyalty app (accountsApi.LOYALTY_APP_ID), spelled out for n8n's lint rules.
			default: '553c79f3-5625-4f38-b14b-ef7c0d1e87df',
			description:
				'The app the points are credited on behalf of; by default the Wix Loyalty app, as for points given by hand',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'e.g. Bonus for the spring campaign',
			description:
				'How the points were earned (at most 90 characters); the node adds “(via n8n)”, which tells the Wix Trigger the change came from n8n',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.orderId }}',
			description:
				'Wix credits each key once. Empty: a key made from the execution, this node and the item, so a retried request never credits twice. Set it from your data (e.g. an order ID) to stay safe across separate executions too.',
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			description: 'The order the points were earned for',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['earnPoints'] } },
	properties,
);

/** A GUID-shaped key (as Wix recommends) that is the same for the same execution, node and item. */
export function derivedIdempotencyKey(executionId: string, nodeId: string, i: number): string {
	const hex = createHash('sha256').update(`${executionId}|${nodeId}|${i}`).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		`5${hex.slice(13, 16)}`,
		`${variant}${hex.slice(17, 20)}`,
		hex.slice(20, 32),
	].join('-');
}

interface Options {
	activityType?: string;
	appId?: string;
	description?: string;
	idempotencyKey?: string;
	orderId?: string;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const accountId = requiredValue(this, 'accountId', 'Account', i);
	const amount = wholeNumber(
		this,
		i,
		'Points',
		this.getNodeParameter('points', i),
		1,
		accountsApi.MAX_EARN,
	);
	const options = this.getNodeParameter('options', i, {}) as Options;
	const text = (value?: string) => String(value ?? '').trim();
	for (const [field, value, max] of [
		['Description', text(options.description), MAX_USER_DESCRIPTION],
		['Activity Type', text(options.activityType), 100],
		['Idempotency Key', text(options.idempotencyKey), 256],
	] as const) {
		if (value.length > max)
			throw itemError(
				this,
				i,
				field,
				'INVALID_ARGUMENT',
				`${field} may have at most ${max} characters, not ${value.length}`,
				`Shorten ${field} and run again.`,
			);
	}
	// Without an execution ID (never in n8n 1.x/2.x, but a host may lack one) a fresh key is safer
	// than one every run would share: that would silently credit nothing the second time.
	const executionId = String(this.getExecutionId?.() ?? '') || randomUUID();
	const idempotencyKey =
		text(options.idempotencyKey) || derivedIdempotencyKey(executionId, this.getNode().id, i);
	const body: IDataObject = {
		amount,
		appId: text(options.appId) || accountsApi.LOYALTY_APP_ID,
		idempotencyKey,
	};
	body.description = markedDescription(options.description);
	if (text(options.activityType)) body.activityType = text(options.activityType);
	if (text(options.orderId)) body.orderId = text(options.orderId);
	const { account, transactionId } = await forItem(
		this,
		i,
		'Account',
		async () =>
			await wixApiRequest<{ account: WixLoyaltyAccount; transactionId?: string }>(
				this,
				accountsApi.earn(accountId, body),
				i,
			),
	);
	return { ...(account as IDataObject), transactionId, idempotencyKey };
}
