import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['archive'] } },
	[cardIdProperty('ID of the card to archive; it leaves its phase and frees its contact')],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	await wixApiRequest(this, workflowsApi.archiveCard(id), i);
	return { id, archived: true };
}
