import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';
import { phaseProperty, requiredValue, workflowLocator } from '../../descriptions';
import { cardOutput } from '../../legacy';

const properties: INodeProperties[] = [
	workflowLocator,
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: true,
				description:
					'Whether to list only archived cards (on) or only cards not archived (off, the default)',
			},
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				description: 'Only the cards attached to this contact',
			},
			phaseProperty(true, { required: false, description: 'Only the cards in this phase' }),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as {
		archived?: boolean;
		contactId?: string;
		phaseId?: string;
	};
	const cards = await wixApiRequestAllItems<workflowsApi.LegacyCard>(
		this,
		workflowsApi.listCards(
			workflowId,
			{
				phaseId: filters.phaseId?.trim() || undefined,
				attachmentValue: filters.contactId?.trim() || undefined,
				fetchArchived: filters.archived,
			},
			limit,
		),
		i,
	);
	const archived = filters.archived ?? false;
	return cards.map((card) => cardOutput(card, { workflowId, archived }));
}
