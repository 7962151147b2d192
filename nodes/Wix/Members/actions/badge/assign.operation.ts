import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { badgeLocator, badgeMembersProperties } from '../../descriptions';
import { changeAssignments } from './assignment';

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['assign'] } },
	[{ ...badgeLocator, description: 'The badge to give' }, ...badgeMembersProperties],
);

/** Gives the badge to members (a member who has it keeps it: assigning twice changes nothing). */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	return await changeAssignments(this, itemCount, true);
}
