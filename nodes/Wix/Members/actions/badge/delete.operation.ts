import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { badgeLocator, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['delete'] } },
	[{ ...badgeLocator, description: 'The badge to delete; members who have it lose it' }],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'badgeId', 'Badge', i);
	await forItem(this, i, 'Badge', async () => await wixApiRequest(this, badgesApi.remove(id), i));
	return { deleted: true, badgeId: id };
}
