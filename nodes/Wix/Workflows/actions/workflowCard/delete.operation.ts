import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['delete'] } },
	[cardIdProperty('ID of the card to delete')],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	await wixApiRequest(this, workflowsApi.deleteCard(id), i);
	return { deleted: true, cardId: id };
}
