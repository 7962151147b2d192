import type { INodeProperties } from 'n8n-workflow';

export const statusProperty: INodeProperties = {
	displayName: 'Subscription Status',
	name: 'subscriptionStatus',
	type: 'options',
	options: [
		{ name: 'Not Set', value: 'NOT_SET' },
		{
			name: 'Pending',
			value: 'PENDING',
			description: 'Waiting for the person to confirm (double opt-in)',
		},
		{ name: 'Subscribed', value: 'SUBSCRIBED' },
		{ name: 'Unsubscribed', value: 'UNSUBSCRIBED' },
	],
	default: 'SUBSCRIBED',
	description: 'The status to set for the email',
};

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. nathan@example.com',
	required: true,
	default: '',
	description: 'The email address whose subscription to set; it need not belong to a contact yet',
};
