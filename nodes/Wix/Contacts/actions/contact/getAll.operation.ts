import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { simplifyContacts, splitList, type WixContact } from '../../../shared/contactInfo';
import { andFilters, CUSTOM_FIELD_OPERATORS, findFilterProblem } from '../../../shared/contactFilter';
import { CONTACTS_PATH } from '../../../shared/contacts';
import { customFieldKeyProperty, simplifyProperty } from '../../../shared/descriptions';
import { coerceFieldValue, listFields, resolveField, resolveLabelKeys } from '../../../shared/siteSchema';
import { wixApiRequestAllItems } from '../../../transport';
import { fieldsetsProperty } from './common';

const labelPicker = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLabels' },
	default: [],
	description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{
				displayName: 'Custom Field Conditions',
				name: 'customFieldConditions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Condition',
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
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. nathan@example.com', description: 'Contacts that have this email (any of their emails)' },
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
			{ displayName: 'Name Starts With', name: 'nameStartsWith', type: 'string', default: '', description: 'First or last name starts with this text (not case-sensitive)' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Contacts that have this phone number, as stored' },
			{
				displayName: 'Raw Filter (JSON)',
				name: 'rawFilter',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"info.company": {"$startsWith": "Wix"}}',
				description: 'Any other Wix query filter; combined with the filters above',
			},
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
		],
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...fieldsetsProperty },
			{
				displayName: 'Fields to Return',
				name: 'fields',
				type: 'multiOptions',
				options: [
					'createdDate',
					'info.addresses',
					'info.birthdate',
					'info.company',
					'info.emails',
					'info.extendedFields',
					'info.jobTitle',
					'info.labelKeys',
					'info.locale',
					'info.name',
					'info.phones',
					'lastActivity',
					'primaryInfo',
					'source',
					'updatedDate',
				].map((value) => ({ name: value, value })),
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
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

interface Filters {
	createdAfter?: string;
	createdBefore?: string;
	updatedAfter?: string;
	updatedBefore?: string;
	email?: string;
	phone?: string;
	nameStartsWith?: string;
	labelsAny?: string[] | string;
	labelsAll?: string[] | string;
	subscriptionStatus?: string[];
	customFieldConditions?: { condition?: Array<{ key: string; operator: string; value: string }> };
	rawFilter?: string | IDataObject;
}

interface GetManyOptions {
	fieldsets?: string[];
	fields?: string[];
	search?: string;
	sortField?: string;
	sortOrder?: string;
}

const FILTER_HINT = 'Write the filter as a JSON object in Wix’s query language, e.g. {"info.name.first": {"$startsWith": "Ad"}}';

export function parseRawFilter(this: IExecuteFunctions, raw: string | IDataObject | undefined, i: number): IDataObject {
	if (raw === undefined || raw === '') return {};
	if (typeof raw === 'object') return raw;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Raw Filter (JSON) is not valid JSON: ${(error as Error).message}`, { itemIndex: i, description: FILTER_HINT });
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), 'Raw Filter (JSON) must be a JSON object', { itemIndex: i, description: FILTER_HINT });
	}
	return parsed as IDataObject;
}

const iso = (value: string) => new Date(value).toISOString();

async function buildFilter(this: IExecuteFunctions, f: Filters, i: number): Promise<IDataObject> {
	const parts: IDataObject[] = [];
	const range = (field: string, after?: string, before?: string) => {
		const cond: IDataObject = {};
		if (after) cond.$gt = iso(after);
		if (before) cond.$lt = iso(before);
		if (Object.keys(cond).length) parts.push({ [field]: cond });
	};
	range('createdDate', f.createdAfter, f.createdBefore);
	range('updatedDate', f.updatedAfter, f.updatedBefore);
	if (f.email) parts.push({ 'info.emails.email': f.email.trim().toLowerCase() });
	if (f.phone) parts.push({ 'info.phones.phone': f.phone.trim() });
	if (f.nameStartsWith) {
		parts.push({ $or: [{ 'info.name.first': { $startsWith: f.nameStartsWith } }, { 'info.name.last': { $startsWith: f.nameStartsWith } }] });
	}
	const any = splitList(f.labelsAny);
	if (any.length) parts.push({ 'info.labelKeys': { $hasSome: await resolveLabelKeys(this, any, i) } });
	const all = splitList(f.labelsAll);
	if (all.length) parts.push({ 'info.labelKeys': { $hasAll: await resolveLabelKeys(this, all, i) } });
	if (f.subscriptionStatus?.length) {
		parts.push({ 'info.extendedFields.emailSubscriptions.subscriptionStatus': { $in: f.subscriptionStatus } });
	}
	for (const c of f.customFieldConditions?.condition ?? []) {
		const field = await resolveField(this, c.key, i);
		const allowed = CUSTOM_FIELD_OPERATORS[field.dataType ?? 'TEXT'] ?? CUSTOM_FIELD_OPERATORS.TEXT;
		if (!allowed.includes(c.operator)) {
			throw new NodeOperationError(this.getNode(), `Custom field "${field.displayName}" (${field.dataType}) cannot be filtered with ${c.operator}`, {
				itemIndex: i,
				description: `Wix supports ${allowed.join(', ')} on ${field.dataType} fields`,
			});
		}
		const raw = c.operator === '$in' ? splitList(c.value) : [c.value];
		const values = raw.map((v) => {
			const coerced = coerceFieldValue(field, v);
			if (!coerced.ok) {
				throw new NodeOperationError(this.getNode(), `Custom field condition on "${field.displayName}": ${field.displayName} ${coerced.reason}`, { itemIndex: i });
			}
			return coerced.value;
		});
		parts.push({ [`info.extendedFields.${field.key}`]: { [c.operator]: c.operator === '$in' ? values : values[0] } as IDataObject });
	}
	const raw = parseRawFilter.call(this, f.rawFilter, i);
	if (Object.keys(raw).length) {
		const fields = await listFields(this);
		const problem = findFilterProblem(raw, (key) => fields.find((x) => x.key === key)?.dataType);
		if (problem) {
			throw new NodeOperationError(this.getNode(), `Raw Filter (JSON): ${problem}`, {
				itemIndex: i,
				description: 'See Wix’s list of filterable contact fields and operators in the node docs',
			});
		}
		parts.push(raw);
	}
	return andFilters(parts);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	const options = this.getNodeParameter('options', i, {}) as GetManyOptions;
	const simplify = this.getNodeParameter('simplify', i, false) as boolean;

	const query: IDataObject = {
		filter: await buildFilter.call(this, filters, i),
		sort: [{ fieldName: options.sortField ?? 'createdDate', order: options.sortOrder ?? 'DESC' }],
	};
	if (simplify) query.fieldsets = ['FULL'];
	else {
		if (options.fields?.length) query.fields = options.fields;
		if (options.fieldsets?.length) query.fieldsets = options.fieldsets;
		else if (!options.fields?.length) query.fieldsets = ['FULL'];
	}
	const body: IDataObject = { query };
	if (options.search) body.search = options.search;

	const contacts = await wixApiRequestAllItems<WixContact>(
		this,
		{ method: 'POST', path: `${CONTACTS_PATH}/query`, body, model: 'offset', itemsKey: 'contacts', pageSize: 1000, limit, pagingIn: 'query' },
		i,
	);
	return simplify ? await simplifyContacts(this, contacts) : (contacts as IDataObject[]);
}
