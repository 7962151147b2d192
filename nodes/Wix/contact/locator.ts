// The contact picker (From List, By Email, By ID, By URL) and what it resolves to. Every node that
// acts on one contact's records (contacts, loyalty accounts, members, pipeline cards) uses this pair.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GUID_REGEX } from '../shared/descriptions';
import { CONTACT_URL_REGEX, contactIdFromUrl, readLocator } from '../shared/locator';
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
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://manage.wix.com/dashboard/<site-id>/contacts/view/<contact-id>',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: CONTACT_URL_REGEX,
						errorMessage: 'Not a contact page of the Wix dashboard',
					},
				},
			],
			extractValue: { type: 'regex', regex: CONTACT_URL_REGEX },
		},
	],
	description: 'The contact to act on',
};

/** The contact ID in a By URL value; a URL that is not a contact page fails naming the field. */
function idOfUrl(ctx: IExecuteFunctions, url: string, label: string, itemIndex: number): string {
	const id = contactIdFromUrl(url);
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a contact page URL: ${url}`, {
			itemIndex,
			description:
				'Open the contact in the Wix dashboard and copy its address (https://manage.wix.com/dashboard/<site>/contacts/view/<contact ID>), or pick By ID',
		});
	}
	return id;
}

/**
 * Reads a contact locator parameter (From List, By ID, By Email or By URL; an old plain string is an
 * ID) and returns the contact ID.
 */
export async function resolveContactId(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): Promise<string> {
	const label = parameter === 'contactId' ? 'Contact' : parameter;
	const { mode, value } = readLocator(ctx.getNodeParameter(parameter, itemIndex));
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `No contact given in "${label}"`, {
			itemIndex,
			description: 'Pick a contact from the list, or give its ID, email or dashboard URL',
		});
	}
	if (mode === 'url') return idOfUrl(ctx, value, label, itemIndex);
	// An email is never a contact ID, so one given By ID (an expression, or an AI agent's argument
	// that may hold either) is looked up as By Email would.
	if (mode !== 'email' && !value.includes('@')) return value;
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
	const { mode, value } = readLocator(this.getNodeParameter('contactId', i, ''));
	const key = mode === 'url' ? (contactIdFromUrl(value) ?? value) : value;
	return `contact:${key.toLowerCase()}`;
}

/** The contact a Create item makes, known by its email: two creates of one email never overlap. */
export function newContactKeyOf(this: IExecuteFunctions, i: number): string {
	const fields = this.getNodeParameter('contactFields', i, {}) as { email?: unknown };
	const email = typeof fields.email === 'string' ? fields.email.trim().toLowerCase() : '';
	return email ? `contact:${email}` : `item:${i}`;
}
