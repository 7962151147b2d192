// Contact look-ups several operations share.
import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { wixApiRequest } from '../transport';
import type { WixContact } from './contactInfo';

export const CONTACTS_PATH = '/contacts/v4/contacts';

export function contactPath(id: string): string {
	return `${CONTACTS_PATH}/${encodeURIComponent(id)}`;
}

export async function findContactByEmail(ctx: IExecuteFunctions, email: string, itemIndex: number): Promise<WixContact | undefined> {
	const { contacts } = await wixApiRequest<{ contacts: WixContact[] }>(
		ctx,
		{
			method: 'POST',
			path: `${CONTACTS_PATH}/query`,
			body: { query: { filter: { 'info.emails.email': email.trim().toLowerCase() }, paging: { limit: 1 }, fieldsets: ['FULL'] } },
		},
		itemIndex,
	);
	return contacts?.[0];
}

/** Reads a contact locator parameter (From list, By ID or By email) and returns the contact ID. */
export async function resolveContactId(ctx: IExecuteFunctions, parameter: string, itemIndex: number): Promise<string> {
	const raw = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `No contact given in "${parameter === 'contactId' ? 'Contact' : parameter}"`, {
			itemIndex,
			description: 'Pick a contact from the list, or give its ID or email',
		});
	}
	if (locator.mode !== 'email') return value;
	const contact = await findContactByEmail(ctx, value, itemIndex);
	if (!contact?.id) {
		throw new NodeOperationError(ctx.getNode(), `No contact has the email ${value} [CONTACT_NOT_FOUND]`, {
			itemIndex,
			description: 'Check the email, or create the contact first (Create or Update does both)',
		});
	}
	return contact.id;
}
