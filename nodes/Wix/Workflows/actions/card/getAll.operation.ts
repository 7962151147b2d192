import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';
import { optionalValue, outcomeOptions, pipelineLocator, stageProperty } from '../../descriptions';

const properties: INodeProperties[] = [
	{
		...pipelineLocator,
		required: false,
		description: 'Only the cards of this pipeline; all pipelines when empty',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				description: 'Only cards whose main contact is this contact',
			},
			{
				displayName: 'Outcome',
				name: 'outcome',
				type: 'options',
				options: outcomeOptions,
				default: 'WON',
				description: 'Only cards with this outcome',
			},
			stageProperty({ description: 'Only cards in this stage (choose the pipeline first)' }),
		],
	},
	{
		displayName: 'Sort By',
		name: 'sortField',
		type: 'options',
		options: [
			{ name: 'Created Date', value: 'createdDate' },
			{ name: 'Due Date', value: 'dueDate' },
			{ name: 'Name', value: 'name' },
			{ name: 'Stage Updated Date', value: 'stageUpdatedDate' },
			{ name: 'Updated Date', value: 'updatedDate' },
			{ name: 'Value', value: 'value.value' },
		],
		default: 'createdDate',
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'ASC' },
			{ name: 'Descending', value: 'DESC' },
		],
		default: 'ASC',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const pipelineId = optionalValue(this, 'pipelineId', i);
	const filters = this.getNodeParameter('filters', i, {}) as {
		contactId?: string;
		outcome?: string;
		stageId?: string;
	};
	const filter: IDataObject = {};
	if (pipelineId) filter.pipelineId = pipelineId;
	if (filters.stageId?.trim()) filter.stageId = filters.stageId.trim();
	if (filters.contactId?.trim()) filter['mainContact.contactId'] = filters.contactId.trim();
	if (filters.outcome) filter.outcome = filters.outcome;
	const sortField = this.getNodeParameter('sortField', i, 'createdDate') as string;
	const sortOrder = this.getNodeParameter('sortOrder', i, 'ASC') as string;
	// Search, not Query: only Search filters by contact and outcome and sorts both ways.
	const search: IDataObject = { sort: [{ fieldName: sortField, order: sortOrder }] };
	if (Object.keys(filter).length) search.filter = filter;
	return (await wixApiRequestAllItems<cardsApi.WixCard>(
		this,
		cardsApi.search(search, limit),
		i,
	)) as IDataObject[];
}
