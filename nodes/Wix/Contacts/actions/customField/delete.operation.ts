import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOM_FIELD, deleteDescription, remove } from '../keyedResource';

export const description = deleteDescription(CUSTOM_FIELD);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await remove(this, CUSTOM_FIELD, i);
}
