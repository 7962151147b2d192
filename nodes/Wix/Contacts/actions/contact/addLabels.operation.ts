import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeLabels, labelProperties } from './labels';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['addLabels'] } },
	labelProperties(true),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await changeLabels.call(this, i, true);
}
