// Contact parameters the nodes share: the contact picker, the writable fields, their options.
import type { INodeProperties } from 'n8n-workflow';

/** Picks a user-defined custom field; a key or display name given by expression works too. */
export const customFieldKeyProperty: INodeProperties = {
	displayName: 'Field Name or ID',
	name: 'key',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: ['site.value'] },
	default: '',
	description:
		'A field key or display name works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
		description: 'Postal addresses; on update they are added to the stored ones',
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
					{
						displayName: 'Address Line',
						name: 'addressLine',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1 Main St',
					},
					{ displayName: 'Address Line 2', name: 'addressLine2', type: 'string', default: '' },
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{
						displayName: 'Subdivision',
						name: 'subdivision',
						type: 'string',
						default: '',
						placeholder: 'e.g. US-NY',
						description: 'ISO 3166-2 code with the country prefix',
					},
					{
						displayName: 'Country',
						name: 'country',
						type: 'string',
						default: '',
						placeholder: 'e.g. US',
						description: 'ISO 3166-1 alpha-2 code',
					},
					{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Birthdate',
		name: 'birthdate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1990-12-31',
		description: 'Date of birth in YYYY-MM-DD format',
	},
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		description: 'Values of the site’s custom fields, by field name or key',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					customFieldKeyProperty,
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Numbers for NUMBER fields, YYYY-MM-DD for DATE fields',
					},
				],
			},
		],
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		description: 'Primary email address',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	{
		displayName: 'Label Names or IDs',
		name: 'labels',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLabels', loadOptionsDependsOn: ['site.value'] },
		default: [],
		description:
			'Labels to give the contact (replacing its labels on update); keys or names. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: '',
		placeholder: 'e.g. en-US',
		description: 'The contact’s language and region, as an IETF language tag',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +15551234567',
		description: 'Primary phone number',
	},
];

/** The collection of contact fields, as Create, Create or Update and Update show it. */
export function contactFieldsCollection(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: contactFieldOptions,
	};
}

export const fieldsetsProperty: INodeProperties = {
	displayName: 'Fieldsets',
	name: 'fieldsets',
	type: 'multiOptions',
	options: [
		{ name: 'Basic', value: 'BASIC', description: 'ID, revision, primary email and phone, name' },
		{
			name: 'Communication Details',
			value: 'COMMUNICATION_DETAILS',
			description: 'Basic plus emails, phones and addresses',
		},
		{ name: 'Extended', value: 'EXTENDED', description: 'Basic plus custom and system fields' },
		{ name: 'Full', value: 'FULL', description: 'Everything' },
	],
	default: ['FULL'],
	description: 'Which groups of contact fields to return',
};
