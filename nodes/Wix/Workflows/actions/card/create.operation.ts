// Create Card, batched: main contacts given by email are looked up 100 per request (the contacts
// code's batched look-up) and created when missing, so a run costs about one write per card. A
// create whose answer was lost is looked for before it is reported or sent again.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import * as pipelinesApi from '../../../api/pipelines';
import { prepareFields } from '../../../contact/info';
import { findContactsBy } from '../../../contact/lookup';
import { createContact } from '../../../contact/write';
import { normalizeEmail } from '../../../shared/lists';
import { CLOCK_SLACK_MS, createLookingFirst } from '../../../shared/lostAnswer';
import { wixApiRequest, wixApiRequestAllItems } from '../../../transport';
import { pipelineLocator, requiredValue, stageProperty } from '../../descriptions';
import { cardFieldOptions, cardFieldsOf, type CardFieldInput } from './fields';

const properties: INodeProperties[] = [
	pipelineLocator,
	stageProperty({
		description:
			'The stage the card starts in; the pipeline’s first stage when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ada Lovelace – 20 licences',
		description: 'Card name (1–100 characters)',
	},
	{
		displayName: 'Main Contact',
		name: 'mainContactBy',
		type: 'options',
		options: [
			{ name: 'By Email (Found or Created)', value: 'email' },
			{ name: 'By ID', value: 'id' },
			{ name: 'None', value: 'none' },
		],
		default: 'email',
		description: 'The contact the card is about',
	},
	{
		displayName: 'Contact Email',
		name: 'mainContactEmail',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		displayOptions: { show: { mainContactBy: ['email'] } },
		description:
			'The contact with this email becomes the main contact; a new contact is created when none has it',
	},
	{
		displayName: 'New Contact Fields',
		name: 'newContactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { mainContactBy: ['email'] } },
		description: 'Used only when no contact has the email and one is created',
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Contact ID',
		name: 'mainContactId',
		type: 'string',
		default: '',
		displayOptions: { show: { mainContactBy: ['id'] } },
		placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: cardFieldOptions(false),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['create'] } },
	properties,
);

interface Pending {
	index: number;
	pipelineId: string;
	stageId?: string;
	card: cardsApi.WixCard;
	email?: string;
	newContact?: { firstName?: string; lastName?: string; phone?: string };
}

function read(ctx: IExecuteFunctions, i: number): Pending {
	const pipelineId = requiredValue(ctx, 'pipelineId', 'Pipeline', i);
	const stageId = (ctx.getNodeParameter('stageId', i, '') as string).trim() || undefined;
	const name = String(ctx.getNodeParameter('name', i, '') ?? '').trim();
	if (!name)
		throw new NodeOperationError(ctx.getNode(), 'No card name given (parameter "Name")', {
			itemIndex: i,
			description: 'Give the card a name of 1 to 100 characters',
		});
	const by = ctx.getNodeParameter('mainContactBy', i, 'email') as string;
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as CardFieldInput;
	const item: Pending = {
		index: i,
		pipelineId,
		stageId,
		card: { ...cardFieldsOf(ctx, { ...fields, name }, i), pipelineId },
	};
	if (by === 'id') {
		const contactId = String(ctx.getNodeParameter('mainContactId', i, '') ?? '').trim();
		if (!contactId)
			throw new NodeOperationError(ctx.getNode(), 'No contact ID given (parameter "Contact ID")', {
				itemIndex: i,
				description: 'Give the main contact’s ID, or choose Main Contact: By Email',
			});
		item.card.mainContact = { contactId };
	} else if (by === 'email') {
		const email = String(ctx.getNodeParameter('mainContactEmail', i, '') ?? '').trim();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			throw new NodeOperationError(
				ctx.getNode(),
				email
					? `"${email}" is not an email address (parameter "Contact Email")`
					: 'No contact email given (parameter "Contact Email")',
				{
					itemIndex: i,
					description: 'Give the main contact’s email, or choose another Main Contact',
				},
			);
		item.email = normalizeEmail(email);
		item.newContact = ctx.getNodeParameter('newContactFields', i, {}) as Pending['newContact'];
	}
	if (item.card.additionalContacts?.length && by === 'none')
		throw new NodeOperationError(
			ctx.getNode(),
			'Additional contacts need a main contact (parameter "Main Contact")',
			{ itemIndex: i },
		);
	return item;
}

export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = new Array(itemCount);
	const pending: Pending[] = [];
	for (let i = 0; i < itemCount; i++) {
		try {
			pending.push(read(this, i));
		} catch (error) {
			results[i] = error as Error;
		}
	}

	// One Query Contacts per 100 emails; a failed look-up fails the items that waited on it.
	const contactIdByEmail = new Map<string, string>();
	const emails = pending.flatMap((p) => (p.email ? [p.email] : []));
	if (emails.length) {
		try {
			for (const contact of await findContactsBy(this, 'info.emails.email', emails)) {
				for (const e of contact.info?.emails?.items ?? []) {
					const key = normalizeEmail(String(e.email ?? ''));
					if (key && contact.id && !contactIdByEmail.has(key))
						contactIdByEmail.set(key, contact.id);
				}
			}
		} catch (error) {
			for (const item of pending) if (item.email) results[item.index] = error as Error;
		}
	}

	const pipelines = new Map<string, Promise<pipelinesApi.WixPipeline>>();
	const firstStageOf = async (pipelineId: string, i: number) => {
		let pipeline = pipelines.get(pipelineId);
		if (!pipeline) {
			pipeline = wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
				this,
				pipelinesApi.get(pipelineId),
				i,
			).then((r) => r.pipeline);
			pipelines.set(pipelineId, pipeline);
			pipeline.catch(() => pipelines.delete(pipelineId));
		}
		const stageId = (await pipeline).stages?.[0]?.id;
		if (!stageId)
			throw new NodeOperationError(this.getNode(), 'The pipeline has no stage to put the card in', {
				itemIndex: i,
			});
		return stageId;
	};

	// Cards this run made, so a look after a lost answer never takes one of them for another item's.
	const made = new Set<string>();
	// Without Continue On Fail the run stops at the first failed item: nothing after it is written.
	const stopAfterFailure = !this.continueOnFail();
	let firstFailure = results.findIndex((r) => r instanceof Error);
	if (firstFailure < 0) firstFailure = itemCount;
	for (const item of pending) {
		const i = item.index;
		if (stopAfterFailure && i > firstFailure) break;
		if (results[i] instanceof Error) continue;
		try {
			const card = {
				...item.card,
				stageId: item.stageId ?? (await firstStageOf(item.pipelineId, i)),
			};
			let contactCreated: boolean | undefined;
			if (item.email) {
				let contactId = contactIdByEmail.get(item.email);
				contactCreated = !contactId;
				if (!contactId) {
					const { firstName, lastName, phone } = item.newContact ?? {};
					const prepared = await prepareFields(
						this,
						{
							email: item.email,
							...(firstName ? { firstName } : {}),
							...(lastName ? { lastName } : {}),
							...(phone ? { phone } : {}),
						},
						i,
					);
					contactId = (await createContact(this, prepared, i)).id as string;
					contactIdByEmail.set(item.email, contactId);
				}
				card.mainContact = { contactId };
			}
			const created = await createCard(this, card, made, i);
			if (created.id) made.add(created.id);
			results[i] =
				contactCreated === undefined
					? (created as IDataObject)
					: { ...(created as IDataObject), mainContactCreated: contactCreated };
		} catch (error) {
			results[i] = error as Error;
			firstFailure = Math.min(firstFailure, i);
		}
	}
	return results;
}

/** The contacts a card names, main first, to compare two cards by. */
function contactsOf(card: cardsApi.WixCard): string {
	const others = (card.additionalContacts ?? []).map((c) => String(c.contactId ?? '')).sort();
	return [String(card.mainContact?.contactId ?? ''), ...others].join(',');
}

/**
 * The card a create of `card` sent at `sentAt` made, if it landed: one Search Cards in its stage
 * for cards of that name and main contact created since just before the send, newest first,
 * compared by description and contacts too; cards this run already reported are not taken.
 */
async function findCreated(
	ctx: IExecuteFunctions,
	card: cardsApi.WixCard,
	sentAt: number,
	made: Set<string>,
	i: number,
): Promise<cardsApi.WixCard | undefined> {
	const filter: IDataObject = {
		pipelineId: card.pipelineId,
		stageId: card.stageId,
		name: card.name,
		createdDate: { $gte: new Date(sentAt - CLOCK_SLACK_MS).toISOString() },
	};
	if (card.mainContact?.contactId) filter['mainContact.contactId'] = card.mainContact.contactId;
	const found = await wixApiRequestAllItems<cardsApi.WixCard>(
		ctx,
		cardsApi.search({ filter, sort: [{ fieldName: 'createdDate', order: 'DESC' }] }, 10),
		i,
	);
	const wanted = contactsOf(card);
	return found.find(
		(c) =>
			!made.has(String(c.id)) &&
			(c.description ?? '') === (card.description ?? '') &&
			contactsOf(c) === wanted,
	);
}

/** Creates a card; after a lost answer it is looked for before being reported or sent again. */
async function createCard(
	ctx: IExecuteFunctions,
	card: cardsApi.WixCard,
	made: Set<string>,
	i: number,
): Promise<cardsApi.WixCard> {
	return await createLookingFirst(
		ctx,
		async () =>
			(await wixApiRequest<{ card: cardsApi.WixCard }>(ctx, cardsApi.create(card), i)).card,
		async (sentAt) => await findCreated(ctx, card, sentAt, made, i),
	);
}
