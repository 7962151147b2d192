import type { IDataObject } from 'n8n-workflow';

import type { WixLoyaltyProgram } from '../../../api/loyaltyPrograms';

const WHAT_STATUS_MEANS: Record<string, string> = {
	ACTIVE: 'The program is active: customers earn and redeem points, and accounts can be created.',
	DRAFT:
		'The program is not active (DRAFT): customers cannot earn or redeem points and no accounts can be created until it is activated (Program → Activate).',
	PAUSED:
		'The program is not active (PAUSED): customers cannot earn or redeem points until it is activated again (Program → Activate).',
};

/** The program as Wix returns it, plus `active` and a sentence saying what its status means. */
export function programOutput(program: WixLoyaltyProgram | undefined): IDataObject {
	const status = String(program?.status ?? 'UNKNOWN');
	return {
		...(program as IDataObject),
		active: status === 'ACTIVE',
		statusMessage:
			WHAT_STATUS_MEANS[status] ??
			`The program is not active (status ${status}): activate it (Program → Activate).`,
	};
}
