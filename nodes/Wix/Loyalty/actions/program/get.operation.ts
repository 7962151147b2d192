import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import * as programsApi from '../../../api/loyaltyPrograms';
import { wixApiRequest } from '../../../transport';
import { programOutput } from './output';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { loyaltyProgram } = await wixApiRequest<{
		loyaltyProgram?: programsApi.WixLoyaltyProgram;
	}>(this, programsApi.get(), i);
	return programOutput(loyaltyProgram);
}
