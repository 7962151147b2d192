import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import * as programsApi from '../../../api/loyaltyPrograms';
import { wixApiRequest } from '../../../transport';
import { programOutput } from './output';

export const description: INodeProperties[] = [];

/** Activates the program; an already active program is returned as it is (no second request). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { loyaltyProgram: current } = await wixApiRequest<{
		loyaltyProgram?: programsApi.WixLoyaltyProgram;
	}>(this, programsApi.get(), i);
	if (current?.status === 'ACTIVE') return programOutput(current);
	const { loyaltyProgram } = await wixApiRequest<{
		loyaltyProgram?: programsApi.WixLoyaltyProgram;
	}>(this, programsApi.activate(), i);
	return programOutput(loyaltyProgram);
}
