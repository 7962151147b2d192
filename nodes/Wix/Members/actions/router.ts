import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as badge from './badge';
import * as member from './member';

// Get by Contact ID, Assign and Unassign look members up in batches of 100 first; Assign and
// Unassign then write five items at a time.
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		member: {
			get: member.get,
			getAll: member.getAll,
			getByContactId: member.getByContactId,
		},
		badge: {
			assign: badge.assign,
			create: badge.create,
			delete: badge.delete,
			get: badge.get,
			getAll: badge.getAll,
			getMembers: badge.getMembers,
			unassign: badge.unassign,
			update: badge.update,
		},
	});
}
