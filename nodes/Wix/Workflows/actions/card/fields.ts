// Card fields shared by Create and Update: what the user gives and how it becomes a Wix card.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as cardsApi from '../../../api/cards';
import type { WixCard } from '../../../api/cards';
import { wixApiRequest } from '../../../transport';
import { splitList } from '../../../shared/lists';
import { isoDate, priorityOptions } from '../../descriptions';

export function cardFieldOptions(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Additional Contact IDs',
			name: 'additionalContactIds',
			type: 'string',
			default: '',
			description: 'Up to 10 more contact IDs, comma-separated (needs a main contact)',
		},
		{
			displayName: 'Assignee ID',
			name: 'assigneeId',
			type: 'string',
			default: '',
			description: 'ID of the Wix user (a site collaborator) who owns the card',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'e.g. USD',
			description:
				'Currency of Value; Wix uses the pipeline’s currency and refuses another, so leave empty unless you want that checked',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Up to 1000 characters',
		},
		{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: priorityOptions,
			default: 'P3_MEDIUM',
		},
		{
			displayName: 'Tag IDs',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Tag IDs for the card, comma-separated',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1500.00',
			description: 'Monetary value of the card, up to 2 decimals',
		},
	];
	if (forUpdate) {
		fields.push(
			{
				displayName: 'Main Contact ID',
				name: 'mainContactId',
				type: 'string',
				default: '',
				description: 'ID of the card’s new main contact',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The card’s new name (1–100 characters)',
			},
		);
		fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}
	return fields;
}

export interface CardFieldInput {
	additionalContactIds?: string;
	assigneeId?: string;
	currency?: string;
	description?: string;
	dueDate?: string;
	priority?: string;
	tags?: string | string[];
	value?: string | number;
	mainContactId?: string;
	name?: string;
}

const DECIMAL = /^-?\d+(\.\d{1,2})?$/;

/** The card fields given, as Wix card fields. */
export function cardFieldsOf(ctx: IExecuteFunctions, input: CardFieldInput, i: number): WixCard {
	const card: WixCard = {};
	if (input.name !== undefined && String(input.name).trim()) card.name = String(input.name).trim();
	if (input.description !== undefined && input.description !== '')
		card.description = input.description;
	if (input.priority) card.priority = input.priority as WixCard['priority'];
	if (input.assigneeId?.trim()) card.assigneeId = input.assigneeId.trim();
	if (input.dueDate) card.dueDate = isoDate(ctx, input.dueDate, 'Due Date', i);
	const value = input.value === undefined ? '' : String(input.value).trim();
	if (value) {
		if (!DECIMAL.test(value))
			throw new NodeOperationError(
				ctx.getNode(),
				`"${value}" is not an amount (parameter "Value")`,
				{ itemIndex: i, description: 'Give a number with at most 2 decimals, such as 1500.00' },
			);
		card.value = { value, ...(input.currency?.trim() ? { currency: input.currency.trim() } : {}) };
	}
	if (input.mainContactId?.trim()) card.mainContact = { contactId: input.mainContactId.trim() };
	const additional = splitList(input.additionalContactIds);
	if (additional.length) {
		if (additional.length > 10)
			throw new NodeOperationError(
				ctx.getNode(),
				`A card takes up to 10 additional contacts, not ${additional.length} (parameter "Additional Contact IDs")`,
				{ itemIndex: i },
			);
		card.additionalContacts = additional.map((contactId) => ({ contactId }));
	}
	const tags = splitList(input.tags);
	if (tags.length) card.tags = { privateTags: { tagIds: tags } };
	return card;
}

export const revisionProperty: INodeProperties = {
	displayName: 'Revision',
	name: 'revision',
	type: 'string',
	default: '',
	description:
		'Change the card only if it is still at this revision. Empty: the current revision is read, and the change is tried once more if someone else changed the card meanwhile.',
};

/** The card's current revision, read from Wix. */
export async function currentRevision(
	ctx: IExecuteFunctions,
	id: string,
	i: number,
): Promise<string> {
	const { card } = await wixApiRequest<{ card: cardsApi.WixCard }>(ctx, cardsApi.get(id), i);
	return String(card.revision ?? '');
}
