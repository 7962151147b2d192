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
			name: 'sort',
			type: 'options',
			// The directions Query Pipelines sorts each field in.
			options: [
				{ name: 'Created Date (Oldest First)', value: 'createdDate:ASC' },
				{ name: 'Name', value: 'name:ASC' },
				{ name: 'Updated Date (Newest First)', value: 'updatedDate:DESC' },
			],
			default: 'createdDate:ASC',
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
		sort?: string;
	};
	const [fieldName, order] = (options.sort ?? 'createdDate:ASC').split(':');
	const query: IDataObject = { sort: [{ fieldName, order }] };
	if (options.name?.trim()) query.filter = { name: options.name.trim() };
	return (await wixApiRequestAllItems<pipelinesApi.WixPipeline>(
		this,
		pipelinesApi.query(query, limit),
		i,
	)) as IDataObject[];
}
