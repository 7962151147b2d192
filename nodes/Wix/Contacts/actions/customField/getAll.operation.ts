import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOM_FIELD, getAll, getAllDescription } from '../keyedResource';

export const description = getAllDescription(CUSTOM_FIELD, [
	{
		displayName: 'Field Type',
		name: 'fieldType',
		type: 'options',
		options: [
			{ name: 'All', value: 'ALL' },
			{ name: 'System', value: 'SYSTEM', description: 'Read-only fields Wix fills in' },
			{ name: 'User-Defined', value: 'USER_DEFINED' },
		],
		default: 'ALL',
		description: 'Which fields to list: the ones the site owner made, Wix’s own, or both',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const fieldType = this.getNodeParameter('fieldType', i, 'ALL') as string;
	return await getAll(
		this,
		CUSTOM_FIELD,
		i,
		(f) => fieldType === 'ALL' || (f as { fieldType?: string }).fieldType === fieldType,
	);
}
