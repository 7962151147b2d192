import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	optionsCollection([
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only the pipelines with exactly this name',
		},
		{
			displayName: 'Sort By',
			name: 'sortField',
			type: 'options',
			options: [
				{ name: 'Created Date', value: 'createdDate' },
				{ name: 'Name', value: 'name' },
				{ name: 'Updated Date', value: 'updatedDate' },
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
			default: 'ASC',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['pipeline'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const options = this.getNodeParameter('options', i, {}) as {
		name?: string;
		sortField?: string;
		sortOrder?: string;
	};
	const query: IDataObject = {
		sort: [{ fieldName: options.sortField ?? 'createdDate', order: options.sortOrder ?? 'ASC' }],
	};
	if (options.name?.trim()) query.filter = { name: options.name.trim() };
	return (await wixApiRequestAllItems<pipelinesApi.WixPipeline>(
		this,
		pipelinesApi.query(query, limit),
		i,
	)) as IDataObject[];
}
