import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOM_FIELD, findOrCreate, findOrCreateDescription } from '../keyedResource';

export const description = findOrCreateDescription(CUSTOM_FIELD, [
	{
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		options: [
			{ name: 'Date', value: 'DATE', description: 'YYYY-MM-DD' },
			{ name: 'Number', value: 'NUMBER' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'URL', value: 'URL', description: 'Web address; https:// is added when missing' },
		],
		default: 'TEXT',
		description: 'Used only when the field is created; an existing field keeps its type',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await findOrCreate(this, CUSTOM_FIELD, i, this.getNodeParameter('dataType', i) as string);
}
