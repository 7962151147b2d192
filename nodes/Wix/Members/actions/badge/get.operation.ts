import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { badgeLocator, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['get'] } },
	[{ ...badgeLocator, description: 'The badge to get' }],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'badgeId', 'Badge', i);
	const { badge } = await forItem(
		this,
		i,
		'Badge',
		async () => await wixApiRequest<{ badge: badgesApi.WixBadge }>(this, badgesApi.get(id), i),
	);
	return badge as IDataObject;
}
