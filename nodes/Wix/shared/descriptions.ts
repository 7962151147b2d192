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
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			validation: [{ type: 'regex', properties: { regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$', errorMessage: 'Not a valid email address' } }],
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

/** Picks a user-defined custom field; a key or display name given by expression works too. */
export const customFieldKeyProperty: INodeProperties = {
	displayName: 'Field Name or ID',
	name: 'key',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomFields' },
	default: '',
	description: 'A field key or display name works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const createMissingLabelsOption: INodeProperties = {
	displayName: 'Create Missing Labels',
	name: 'createMissingLabels',
	type: 'boolean',
	default: false,
	description: 'Whether to create labels given by name that do not exist yet',
};

export const allowDuplicatesOption: INodeProperties = {
	displayName: 'Allow Duplicates',
	name: 'allowDuplicates',
	type: 'boolean',
	default: false,
	description: 'Whether to save even if another contact already has this email or phone',
};

/** Writable contact fields shared by Create, Create or Update and Update. */
export const contactFieldOptions: INodeProperties[] = [
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Address',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Tag',
						name: 'tag',
						type: 'options',
						options: [
							{ name: 'Billing', value: 'BILLING' },
							{ name: 'Home', value: 'HOME' },
							{ name: 'Shipping', value: 'SHIPPING' },
							{ name: 'Untagged', value: 'UNTAGGED' },
							{ name: 'Work', value: 'WORK' },
						],
						default: 'HOME',
					},
					{ displayName: 'Address Line', name: 'addressLine', type: 'string', default: '', placeholder: 'e.g. 1 Main St' },
					{ displayName: 'Address Line 2', name: 'addressLine2', type: 'string', default: '' },
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{ displayName: 'Subdivision', name: 'subdivision', type: 'string', default: '', placeholder: 'e.g. US-NY', description: 'ISO 3166-2 code with the country prefix' },
					{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. US', description: 'ISO 3166-1 alpha-2 code' },
					{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Birthdate', name: 'birthdate', type: 'string', default: '', placeholder: 'e.g. 1990-12-31', description: 'Date of birth in YYYY-MM-DD format' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					customFieldKeyProperty,
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Numbers for NUMBER fields, YYYY-MM-DD for DATE fields' },
				],
			},
		],
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. nathan@example.com', default: '', description: 'Primary email address' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	{
		displayName: 'Label Names or IDs',
		name: 'labels',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLabels' },
		default: [],
		description: 'Labels to give the contact (replacing its labels on update); keys or names. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Locale', name: 'locale', type: 'string', default: '', placeholder: 'e.g. en-US' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +15551234567', description: 'Primary phone number' },
];

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The collection of contact fields, as Create, Create or Update and Update show it. */
export function contactFieldsCollection(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, description, options: contactFieldOptions };
}

/** The "Options" collection with the given options. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}
