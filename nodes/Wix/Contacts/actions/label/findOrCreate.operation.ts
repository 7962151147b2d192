import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findOrCreate, findOrCreateDescription, LABEL } from '../keyedResource';

export const description = findOrCreateDescription(LABEL);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await findOrCreate(this, LABEL, i);
}
