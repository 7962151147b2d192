import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { LABEL, rename, renameDescription } from '../keyedResource';

export const description = renameDescription(LABEL);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await rename(this, LABEL, i);
}
