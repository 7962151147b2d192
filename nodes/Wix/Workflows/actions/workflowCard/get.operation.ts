import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest } from '../../../transport';
import { cardIdProperty, requiredValue } from '../../descriptions';
import { cardOutput } from '../../legacy';

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['get'] } },
	[cardIdProperty()],
);

/** Wix answers `{}` for an archived card: the output says so instead of being empty. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const { card } = await wixApiRequest<{ card?: workflowsApi.LegacyCard }>(
		this,
		workflowsApi.getCard(id),
		i,
	);
	if (!card?.info) return { id, archived: true };
	return cardOutput(card, { archived: false });
}
