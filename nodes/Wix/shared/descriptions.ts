import type { INodeProperties } from 'n8n-workflow';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2 (Wix App)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const wixCredentials = [
	{ name: 'wixApiKeyApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: 'wixOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const GUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Contact picker used by every operation that acts on one contact. */
export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contactId',
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
			placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
			validation: [
				{
					type: 'regex',
					properties: { regex: `^\\s*${GUID_REGEX}\\s*$`, errorMessage: 'Not a valid Wix contact ID (a GUID)' },
				},
			],
		},
	],
	description: 'The contact to act on',
};

/** Writable contact fields shared by Create and Update. */
export const contactFieldOptions: INodeProperties[] = [
	{ displayName: 'Birthdate', name: 'birthdate', type: 'string', default: '', placeholder: 'e.g. 1990-12-31', description: 'Date of birth in YYYY-MM-DD format' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. nathan@example.com', default: '', description: 'Primary email address' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	{ displayName: 'Label Keys', name: 'labelKeys', type: 'string', default: '', placeholder: 'e.g. custom.vip, contacts.contacted-me', description: 'Comma-separated label keys; the labels must exist' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en-US' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +15551234567', description: 'Primary phone number' },
];
