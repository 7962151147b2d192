import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { wixApiRequestAllItems } from '../../../transport';
import { fieldsetsProperty } from './common';

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
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				...fieldsetsProperty,
			},
			{
				displayName: 'Filter (JSON)',
				name: 'filter',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"info.labelKeys": {"$hasSome": ["custom.vip"]}}',
				description: 'A Wix query filter, as in the Query Contacts API',
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

interface GetManyOptions {
	fieldsets?: string[];
	filter?: string | IDataObject;
	search?: string;
	sortField?: string;
	sortOrder?: string;
}

export function parseFilter(this: IExecuteFunctions, raw: string | IDataObject | undefined, i: number): IDataObject {
	if (raw === undefined || raw === '') return {};
	if (typeof raw === 'object') return raw;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Filter (JSON) is not valid JSON: ${(error as Error).message}`, {
			itemIndex: i,
			description: 'Write the filter as a JSON object, e.g. {"info.name.first": {"$startsWith": "Ad"}}',
		});
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), 'Filter (JSON) must be a JSON object', {
			itemIndex: i,
			description: 'Write the filter as a JSON object, e.g. {"info.name.first": {"$startsWith": "Ad"}}',
		});
	}
	return parsed as IDataObject;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const options = this.getNodeParameter('options', i, {}) as GetManyOptions;

	const query: IDataObject = {
		filter: parseFilter.call(this, options.filter, i),
		sort: [{ fieldName: options.sortField ?? 'createdDate', order: options.sortOrder ?? 'DESC' }],
		fieldsets: options.fieldsets?.length ? options.fieldsets : ['FULL'],
	};
	const body: IDataObject = { query };
	if (options.search) body.search = options.search;

	return await wixApiRequestAllItems(
		this,
		{
			method: 'POST',
			path: '/contacts/v4/contacts/query',
			body,
			model: 'offset',
			itemsKey: 'contacts',
			pageSize: 1000,
			limit,
			pagingIn: 'query',
		},
		i,
	);
}
