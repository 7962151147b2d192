import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import type { LegacyCard, LegacyCardInfo } from '../../../api/workflows';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { CLOCK_SLACK_MS, createLookingFirst } from '../../../shared/lostAnswer';
import { wixApiRequest, wixApiRequestAllItems } from '../../../transport';
import { phaseProperty, positionOf, requiredValue, workflowLocator } from '../../descriptions';
import { cardInfoOf, cardInfoOptions, positionOption, type CardInfoInput } from './fields';

const properties: INodeProperties[] = [
	workflowLocator,
	phaseProperty(true, {
		description:
			'The phase the card starts in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ines Brunet',
	},
	{
		...contactLocator,
		description:
			'The contact the card is attached to; a contact may have only one active card per workflow',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...cardInfoOptions, positionOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowCard'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const phaseId = requiredValue(this, 'phaseId', 'Phase', i);
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name)
		throw new NodeOperationError(this.getNode(), 'No card name given (parameter "Name")', {
			itemIndex: i,
		});
	const fields = this.getNodeParameter('additionalFields', i, {}) as CardInfoInput;
	const position = positionOf(this, fields.position, 'Position', i);
	const contactId = await resolveContactId(this, 'contactId', i);
	const card = cardInfoOf(this, { ...fields, name, contactId }, i);
	const id = await createCard(this, workflowId, phaseId, card, position, i);
	return {
		id,
		workflowId,
		phaseId,
		contactId,
		...(card as IDataObject),
		...(position === undefined ? {} : { position }),
	};
}

/**
 * The ID of the card a create sent at `sentAt` made, if it landed. A contact has at most one active
 * card per workflow, so one List Cards by contact and phase finds it; name, description and a
 * creation date from just before the send on tell it from a card the contact already had.
 */
async function findCreated(
	ctx: IExecuteFunctions,
	workflowId: string,
	phaseId: string,
	card: LegacyCardInfo,
	sentAt: number,
	i: number,
): Promise<string | undefined> {
	const contactId = card.primaryAttachment?.contactId;
	if (!contactId) return undefined;
	const cards = await wixApiRequestAllItems<LegacyCard>(
		ctx,
		workflowsApi.listCards(workflowId, { phaseId, attachmentValue: contactId }, 10),
		i,
	);
	const since = sentAt - CLOCK_SLACK_MS;
	return cards.find(
		({ info }) =>
			info?.name === card.name &&
			(info?.description ?? '') === (card.description ?? '') &&
			(!info?.createdDate || Date.parse(info.createdDate) >= since),
	)?.info?.id;
}

/** Creates a card and answers its ID; after a lost answer it is looked for before being reported or sent again. */
async function createCard(
	ctx: IExecuteFunctions,
	workflowId: string,
	phaseId: string,
	card: LegacyCardInfo,
	position: number | undefined,
	i: number,
): Promise<string> {
	return await createLookingFirst(
		ctx,
		async () =>
			(
				await wixApiRequest<{ id: string }>(
					ctx,
					workflowsApi.createCard(workflowId, phaseId, card, position),
					i,
				)
			).id,
		async (sentAt) => await findCreated(ctx, workflowId, phaseId, card, sentAt, i),
	);
}
