import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOM_FIELD, rename, renameDescription } from '../keyedResource';

export const description = renameDescription(CUSTOM_FIELD);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await rename(this, CUSTOM_FIELD, i);
}
