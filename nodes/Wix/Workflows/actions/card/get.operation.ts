import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['get'] } },
	[cardIdProperty()],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const { card } = await wixApiRequest<{ card: cardsApi.WixCard }>(this, cardsApi.get(id), i);
	return card as IDataObject;
}
