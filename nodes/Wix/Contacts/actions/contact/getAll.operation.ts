import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as contactsApi from '../../../api/contacts';
import { customFieldKeyProperty, fieldsetsProperty } from '../../../contact/descriptions';
import { buildContactFilter, type ContactFilters } from '../../../contact/filter';
import { simplifyContacts, type WixContact } from '../../../contact/info';
import { readContactsByCreation } from '../../../contact/lookup';
import {
	optionsCollection,
	returnAllOrLimit,
	simplifyProperty,
} from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

const labelPicker = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLabels', loadOptionsDependsOn: ['site.value'] },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Contacts created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Contacts created before this time',
			},
			{
				displayName: 'Custom Field Conditions',
				name: 'customFieldConditions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Condition',
				description:
					'Contacts whose custom fields match all of these; the operators allowed depend on the field’s type (text, number, date, URL)',
				options: [
					{
						displayName: 'Condition',
						name: 'condition',
						values: [
							customFieldKeyProperty,
							{
								displayName: 'Operator',
								name: 'operator',
								type: 'options',
								options: [
									{ name: 'Equals', value: '$eq' },
									{ name: 'Greater Than', value: '$gt' },
									{ name: 'Greater Than or Equal', value: '$gte' },
									{ name: 'Is One Of (Comma-Separated)', value: '$in' },
									{ name: 'Less Than', value: '$lt' },
									{ name: 'Less Than or Equal', value: '$lte' },
									{ name: 'Not Equals', value: '$ne' },
									{ name: 'Starts With', value: '$startsWith' },
								],
								default: '$eq',
								description: 'How the field’s value is compared with Value',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								description:
									'Compared with the field’s value: numbers for NUMBER fields, YYYY-MM-DD for DATE fields, comma-separated for Is One Of',
							},
						],
					},
				],
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. nathan@example.com',
				description: 'Contacts that have this email (any of their emails)',
			},
			{
				displayName: 'Email Subscription Status',
				name: 'subscriptionStatus',
				type: 'multiOptions',
				options: [
					{ name: 'Not Set', value: 'NOT_SET' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Subscribed', value: 'SUBSCRIBED' },
					{ name: 'Unsubscribed', value: 'UNSUBSCRIBED' },
				],
				default: [],
				description: 'Contacts whose effective email subscription status is one of these',
			},
			labelPicker('Has All of Label Names or IDs', 'labelsAll'),
			labelPicker('Has Any of Label Names or IDs', 'labelsAny'),
			{
				displayName: 'Name Starts With',
				name: 'nameStartsWith',
				type: 'string',
				default: '',
				description: 'First or last name starts with this text (not case-sensitive)',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				description: 'Contacts that have this phone number, as stored',
			},
			{
				displayName: 'Raw Filter (JSON)',
				name: 'rawFilter',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"info.company": {"$startsWith": "Wix"}}',
				description: 'Any other Wix query filter; combined with the filters above',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Contacts last changed after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description: 'Contacts last changed before this time',
			},
		],
	},
	simplifyProperty,
	optionsCollection([
		{ ...fieldsetsProperty },
		{
			displayName: 'Fields to Return',
			name: 'fields',
			type: 'multiOptions',
			// Names for people; the values stay Wix's field paths, which saved workflows hold.
			options: [
				{ name: 'Addresses', value: 'info.addresses' },
				{ name: 'Birthdate', value: 'info.birthdate' },
				{ name: 'Company', value: 'info.company' },
				{ name: 'Created Date', value: 'createdDate' },
				{ name: 'Custom and System Fields', value: 'info.extendedFields' },
				{ name: 'Emails', value: 'info.emails' },
				{ name: 'Job Title', value: 'info.jobTitle' },
				{ name: 'Labels', value: 'info.labelKeys' },
				{ name: 'Last Activity', value: 'lastActivity' },
				{ name: 'Locale', value: 'info.locale' },
				{ name: 'Name', value: 'info.name' },
				{ name: 'Phones', value: 'info.phones' },
				{ name: 'Primary Email and Phone', value: 'primaryInfo' },
				{ name: 'Source', value: 'source' },
				{ name: 'Updated Date', value: 'updatedDate' },
			],
			default: [],
			description: 'Return only these fields (plus ID and revision); combined with Fieldsets',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Free text matched against names, emails and phones',
		},
		{
			displayName: 'Sort By',
			name: 'sortField',
			type: 'options',
			options: [
				{ name: 'Birthdate', value: 'info.birthdate' },
				{ name: 'Company', value: 'info.company' },
				{ name: 'Created Date', value: 'createdDate' },
				{ name: 'First Name', value: 'info.name.first' },
				{ name: 'Job Title', value: 'info.jobTitle' },
				{ name: 'Last Activity Date', value: 'lastActivity.activityDate' },
				{ name: 'Last Name', value: 'info.name.last' },
				{ name: 'Primary Email', value: 'primaryInfo.email' },
			],
			default: 'createdDate',
			description: 'The field the contacts are ordered by; contacts without a value come last',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ASC' },
				{ name: 'Descending', value: 'DESC' },
			],
			default: 'DESC',
			description: 'Descending puts the newest (or largest) first',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	properties,
);

interface GetManyOptions {
	fieldsets?: string[];
	fields?: string[];
	search?: string;
	sortField?: string;
	sortOrder?: string;
}

/** Contacts sorted as Query Contacts sorts them: by the field's value, contacts without one last. */
function sortContacts(contacts: WixContact[], field: string, order: string): WixContact[] {
	const valueOf = (contact: WixContact) => {
		let value: unknown = contact;
		for (const key of field.split('.')) value = (value as IDataObject | undefined)?.[key];
		return value === undefined || value === null || value === '' ? undefined : String(value);
	};
	const direction = order === 'ASC' ? 1 : -1;
	return [...contacts].sort((a, b) => {
		const va = valueOf(a);
		const vb = valueOf(b);
		if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
		return va < vb ? -direction : va > vb ? direction : 0;
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as ContactFilters;
	const options = this.getNodeParameter('options', i, {}) as GetManyOptions;
	const simplify = this.getNodeParameter('simplify', i, false) as boolean;
	const sortField = options.sortField ?? 'createdDate';
	const sortOrder = options.sortOrder === 'ASC' ? 'ASC' : 'DESC';

	const filter = await buildContactFilter.call(this, filters, i);
	const projection: IDataObject = {};
	if (simplify) projection.fieldsets = ['FULL'];
	else {
		if (options.fields?.length) projection.fields = options.fields;
		if (options.fieldsets?.length) projection.fieldsets = options.fieldsets;
		else if (!options.fields?.length) projection.fieldsets = ['FULL'];
	}

	let contacts: WixContact[];
	if (limit !== undefined && limit <= contactsApi.QUERY_PAGE_SIZE) {
		// One page is one answer: Wix's own sort, nothing can shift under it.
		const query = {
			filter,
			sort: [{ fieldName: sortField, order: sortOrder }],
			paging: { limit, offset: 0 },
			...projection,
		};
		const response = await wixApiRequest<{ contacts?: WixContact[] }>(
			this,
			contactsApi.queryPage({ query, ...(options.search ? { search: options.search } : {}) }),
			i,
		);
		contacts = response.contacts ?? [];
	} else {
		// More than a page: keyset by creation time, so contacts created or deleted meanwhile shift
		// nothing. Another sort is applied once everything is read (text fields have no range filters).
		const byCreated = sortField === 'createdDate';
		contacts = await readContactsByCreation(this, filter, byCreated ? sortOrder : 'ASC', i, {
			limit: byCreated ? limit : undefined,
			projection,
			search: options.search,
		});
		if (!byCreated) contacts = sortContacts(contacts, sortField, sortOrder).slice(0, limit);
	}
	return simplify ? await simplifyContacts(this, contacts) : (contacts as IDataObject[]);
}
