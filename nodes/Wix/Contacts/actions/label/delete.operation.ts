import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deleteDescription, LABEL, remove } from '../keyedResource';

export const description = deleteDescription(LABEL);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await remove(this, LABEL, i);
}
