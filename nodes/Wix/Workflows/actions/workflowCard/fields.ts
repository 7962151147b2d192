// Legacy card fields shared by Create and Update.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { LegacyCardInfo } from '../../../api/workflows';
import { isoDate } from '../../descriptions';

export const cardInfoOptions: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		default: '',
		placeholder: 'e.g. My CRM',
		description: 'Where the card came from; a handy place for another system’s deal ID',
	},
];

export const positionOption: INodeProperties = {
	displayName: 'Position',
	name: 'position',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: '0-based place in the phase (0 is the top); the bottom when not set',
};

export interface CardInfoInput {
	name?: string;
	description?: string;
	dueDate?: string;
	source?: string;
	contactId?: string;
	position?: number;
}

export function cardInfoOf(
	ctx: IExecuteFunctions,
	input: CardInfoInput,
	i: number,
): LegacyCardInfo {
	const info: LegacyCardInfo = {};
	if (input.name?.trim()) info.name = input.name.trim();
	if (input.description !== undefined && input.description !== '')
		info.description = input.description;
	if (input.source !== undefined && input.source !== '') info.source = input.source;
	if (input.dueDate) info.dueDate = isoDate(ctx, input.dueDate, 'Due Date', i);
	if (input.contactId?.trim()) info.primaryAttachment = { contactId: input.contactId.trim() };
	return info;
}
