import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Sort By',
		name: 'sort',
		type: 'options',
		options: [
			{ name: 'Created Date (Newest First)', value: 'createdDate:desc' },
			{ name: 'Created Date (Oldest First)', value: 'createdDate:asc' },
			{ name: 'Name', value: 'name:asc' },
		],
		default: 'name:asc',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const sort = this.getNodeParameter('sort', i, 'name:asc') as string;
	return (await wixApiRequestAllItems<workflowsApi.LegacyWorkflowInfo>(
		this,
		workflowsApi.listWorkflows(sort, limit),
		i,
	)) as IDataObject[];
}
