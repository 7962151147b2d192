// Wix Loyalty API, the site's one loyalty program (`@wix/auto_sdk_loyalty_programs`, type-only).
import type { LoyaltyProgramOriginal as LoyaltyProgram } from '@wix/auto_sdk_loyalty_programs/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { WixApiErrors, WixRequest } from '../transport';

export type WixLoyaltyProgram = Rest<LoyaltyProgram>;

export const PROGRAM_PATH = '/loyalty-programs/v1/program';

export const errors: WixApiErrors = {
	hints: {
		'400':
			'Check the field named in the message: the program name has 2 to 50 characters, the point name at most 20.',
		'428':
			'Wix refused because of the program’s state (for example, it is already active, or it must be active to be paused).',
		'404':
			'The site has no loyalty program: add the Wix Loyalty Program app to the site in the Wix dashboard.',
	},
};

export const get = (): WixRequest => ({ method: 'GET', path: PROGRAM_PATH, errors });

/** Changes name, point definition; the status stays as it is (a DRAFT program stays DRAFT). */
export const update = (loyaltyProgram: WixLoyaltyProgram): WixRequest => ({
	method: 'PATCH',
	path: PROGRAM_PATH,
	body: { loyaltyProgram } as IDataObject,
	errors,
});

export const activate = (): WixRequest => ({
	method: 'POST',
	path: `${PROGRAM_PATH}/activate`,
	body: {},
	errors,
});

export const pause = (): WixRequest => ({
	method: 'POST',
	path: `${PROGRAM_PATH}/pause`,
	body: {},
	errors,
});
