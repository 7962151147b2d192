import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { badgeLocator, badgeMembersProperties } from '../../descriptions';
import { changeAssignments } from './assignment';

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['unassign'] } },
	[{ ...badgeLocator, description: 'The badge to take away' }, ...badgeMembersProperties],
);

/** Takes the badge from members; contacts that are no members have nothing to lose and are skipped. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	return await changeAssignments(this, itemCount, false);
}
