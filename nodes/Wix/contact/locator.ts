// The contact picker (From List, By Email, By ID) and what it resolves to. Every node that acts on
// one contact's records (contacts, loyalty accounts, members, pipeline cards) uses this pair.
import type {
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GUID_REGEX } from '../shared/descriptions';
import { findContactByEmail } from './lookup';

/** Contact picker used by every operation that acts on one contact. */
export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contactId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchContacts', searchable: true },
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
						errorMessage: 'Not a valid email address',
					},
				},
			],
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID_REGEX}\\s*$`,
						errorMessage: 'Not a valid Wix contact ID (a GUID)',
					},
				},
			],
		},
	],
	description: 'The contact to act on',
};

/** Reads a contact locator parameter (From List, By ID or By Email) and returns the contact ID. */
export async function resolveContactId(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): Promise<string> {
	const raw = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No contact given in "${parameter === 'contactId' ? 'Contact' : parameter}"`,
			{
				itemIndex,
				description: 'Pick a contact from the list, or give its ID or email',
			},
		);
	}
	// An email is never a contact ID, so one given By ID (an expression, or an AI agent's argument
	// that may hold either) is looked up as By Email would.
	if (locator.mode !== 'email' && !value.includes('@')) return value;
	const contact = await findContactByEmail(ctx, value, itemIndex);
	if (!contact?.id) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No contact has the email ${value} [CONTACT_NOT_FOUND]`,
			{
				itemIndex,
				description: 'Check the email, or create the contact first (Create or Update does both)',
			},
		);
	}
	return contact.id;
}

/** What item `i` acts on, for running items side by side: the contact its locator names. */
export function contactKeyOf(this: IExecuteFunctions, i: number): string {
	const raw = this.getNodeParameter('contactId', i, '') as INodeParameterResourceLocator | string;
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	return `contact:${String(value ?? '')
		.trim()
		.toLowerCase()}`;
}

/** The contact a Create item makes, known by its email: two creates of one email never overlap. */
export function newContactKeyOf(this: IExecuteFunctions, i: number): string {
	const fields = this.getNodeParameter('contactFields', i, {}) as { email?: unknown };
	const email = typeof fields.email === 'string' ? fields.email.trim().toLowerCase() : '';
	return email ? `contact:${email}` : `item:${i}`;
}
