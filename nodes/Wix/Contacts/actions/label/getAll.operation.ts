import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getAll, getAllDescription, LABEL } from '../keyedResource';

export const description = getAllDescription(LABEL);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await getAll(this, LABEL, i);
}
