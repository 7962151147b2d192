import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import { wixApiRequest } from '../../../transport';
import {
	cardIdProperty,
	outcomeOptions,
	pipelineLocator,
	requiredValue,
	stageProperty,
} from '../../descriptions';
import { writeAtRevision } from '../../revision';
import { currentRevision, revisionProperty } from './fields';

const properties: INodeProperties[] = [
	cardIdProperty('ID of the card to move'),
	{
		...pipelineLocator,
		// Only the stage picker reads it; the move itself needs the stage ID alone.
		required: false,
		description:
			'The card’s pipeline, to pick the stage from the list; not needed when the stage is given by ID. A card cannot change pipelines.',
	},
	stageProperty({ required: true, description: 'The stage to move the card to' }),
	{
		displayName: 'Outcome',
		name: 'outcome',
		type: 'options',
		options: [{ name: 'Not Set', value: '' }, ...outcomeOptions],
		default: '',
		description:
			'Only when moving to the done stage: whether the deal was won or lost (one of the done stage’s allowed outcomes)',
	},
	revisionProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['move'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'cardId', 'Card ID', i);
	const stageId = requiredValue(this, 'stageId', 'Stage', i);
	const outcome = (this.getNodeParameter('outcome', i, '') as string) || undefined;
	const given = (this.getNodeParameter('revision', i, '') as string).trim() || undefined;
	const { card } = await writeAtRevision(
		this,
		given,
		async () => await currentRevision(this, id, i),
		async (revision) =>
			await wixApiRequest<{ card: cardsApi.WixCard }>(
				this,
				cardsApi.move(id, stageId, revision, outcome as cardsApi.CardOutcome | undefined),
				i,
			),
	);
	return card as IDataObject;
}
