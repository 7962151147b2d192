// Create Account for a contact (by ID), a member (by ID) or an email. Emails and member IDs are
// looked up in batches of 100 (Query Contacts, Query Members); a missing contact is created through
// the contacts code. The program is read once first (no contact is made for a program that cannot
// take accounts), and with Return Existing the accounts that exist already are found 100 contacts
// per request, so a second run sends no create. Then one Create Account per item, several at once.
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import * as accountsApi from '../../../api/loyaltyAccounts';
import * as programsApi from '../../../api/loyaltyPrograms';
import type { WixContact } from '../../../contact/info';
import { contactLocator } from '../../../contact/locator';
import { findContactsBy } from '../../../contact/lookup';
import { createContact } from '../../../contact/write';
import { findMembersBy } from '../../../member/lookup';
import { memberLocator } from '../../../member/locator';
import { optionsCollection } from '../../../shared/descriptions';
import { itemError, pinToItem } from '../../../shared/itemErrors';
import { chunks, normalizeEmail } from '../../../shared/lists';
import { contactIdFromUrl } from '../../../shared/locator';
import { runConcurrently } from '../../../shared/router';
import { LOYALTY_ACCOUNT, noteOwnCreation } from '../../../shared/echo';
import { answerWasLost, itemsAtOnce, wixApiRequest } from '../../../transport';
import { accountOfContact, type WixLoyaltyAccount } from '../../accounts';
import { guidMode, requiredValue } from '../../descriptions';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Customer By',
		name: 'customerBy',
		type: 'options',
		options: [
			{
				name: 'Contact ID',
				value: 'contactId',
				description: 'An existing contact of the site',
			},
			{
				name: 'Email',
				value: 'email',
				description: 'The contact with this email, created when there is none',
			},
			{
				name: 'Member ID',
				value: 'memberId',
				description: 'A site member (the account belongs to the member’s contact)',
			},
		],
		default: 'email',
	},
	{
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
			guidMode('contact'),
			// The contact picker's By URL mode: the contact's page in the Wix dashboard.
			contactLocator.modes!.find((mode) => mode.name === 'url')!,
		],
		description: 'The contact the account is for',
		displayOptions: { show: { customerBy: ['contactId'] } },
	},
	{
		...memberLocator('The member the account is for'),
		displayOptions: { show: { customerBy: ['memberId'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		required: true,
		description: 'The customer’s email; the contact is found by it, or created',
		displayOptions: { show: { customerBy: ['email'] } },
	},
	{
		displayName: 'Create Contact If Missing',
		name: 'createContact',
		type: 'boolean',
		default: true,
		description: 'Whether a contact is created for an email no contact has',
		displayOptions: { show: { customerBy: ['email'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'For a contact created here',
		displayOptions: { show: { customerBy: ['email'], createContact: [true] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'For a contact created here',
		displayOptions: { show: { customerBy: ['email'], createContact: [true] } },
	},
	optionsCollection([
		{
			displayName: 'If Account Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'fail',
					description: 'The item fails with ALREADY_EXISTS',
				},
				{
					name: 'Return Existing',
					value: 'returnExisting',
					description:
						'Output the contact’s account (created: false), so a second run changes nothing',
				},
			],
			default: 'fail',
			description: 'What to do when the contact already has a loyalty account (one per contact)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['create'] } },
	properties,
);

interface Pending {
	index: number;
	by: 'contactId' | 'memberId' | 'email';
	value: string;
	firstName?: string;
	lastName?: string;
	createMissing: boolean;
	ifExists: 'fail' | 'returnExisting';
	contactId?: string;
	contactCreated?: boolean;
}

function isAlreadyExists(error: unknown): boolean {
	const e = error as NodeApiError;
	const code = String(e?.context?.wixErrorCode ?? '');
	return code === 'ALREADY_EXISTS' || code === 'ACCOUNT_ALREADY_EXISTS' || e?.httpCode === '409';
}

function readItem(ctx: IExecuteFunctions, i: number): Pending {
	const by = ctx.getNodeParameter('customerBy', i, 'email') as Pending['by'];
	const { ifExists = 'fail' } = ctx.getNodeParameter('options', i, {}) as {
		ifExists?: Pending['ifExists'];
	};
	const item: Pending = { index: i, by, value: '', createMissing: false, ifExists };
	if (by === 'contactId') {
		const given = requiredValue(ctx, 'contactId', 'Contact', i);
		// n8n has already cut a By URL value down to the ID; callers that do not extract get the URL.
		item.value = contactIdFromUrl(given) ?? given;
		item.contactId = item.value;
	} else if (by === 'memberId') item.value = requiredValue(ctx, 'memberId', 'Member', i);
	else {
		const email = normalizeEmail(String(ctx.getNodeParameter('email', i, '') ?? ''));
		if (!EMAIL.test(email))
			throw itemError(
				ctx,
				i,
				'Email',
				'INVALID_ARGUMENT',
				email ? `"${email}" is not an email address` : 'No email given',
				'Map the customer’s email (e.g. {{ $json.email }}) and run again.',
			);
		item.value = email;
		item.createMissing = ctx.getNodeParameter('createContact', i, true) as boolean;
		item.firstName = String(ctx.getNodeParameter('firstName', i, '') ?? '').trim() || undefined;
		item.lastName = String(ctx.getNodeParameter('lastName', i, '') ?? '').trim() || undefined;
	}
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
			pending.push(readItem(this, i));
		} catch (error) {
			results[i] = error as Error;
		}
	}

	// Look-ups in batches of 100: contacts by email, members by ID. A failed look-up fails the
	// items that waited on it.
	const byEmail = pending.filter((p) => p.by === 'email');
	const byMember = pending.filter((p) => p.by === 'memberId');
	const contactOfEmail = new Map<string, WixContact>();
	const contactOfMember = new Map<string, string>();
	try {
		if (byEmail.length) {
			const found = await findContactsBy(
				this,
				'info.emails.email',
				byEmail.map((p) => p.value),
			);
			// Oldest first: the first contact with an email is the one that keeps it.
			for (const contact of found)
				for (const e of contact.info?.emails?.items ?? []) {
					const email = normalizeEmail(String(e.email ?? ''));
					if (email && !contactOfEmail.has(email)) contactOfEmail.set(email, contact);
				}
		}
	} catch (error) {
		for (const p of byEmail) results[p.index] = error as Error;
	}
	try {
		if (byMember.length)
			for (const member of await findMembersBy(
				this,
				'id',
				byMember.map((p) => p.value),
			))
				if (member.id && member.contactId) contactOfMember.set(member.id, member.contactId);
	} catch (error) {
		for (const p of byMember) results[p.index] = error as Error;
	}
	for (const p of byMember) {
		if (results[p.index]) continue;
		p.contactId = contactOfMember.get(p.value);
		if (!p.contactId)
			results[p.index] = itemError(
				this,
				p.index,
				'Member',
				'MEMBER_NOT_FOUND',
				`No site member has the ID ${p.value}`,
				'Check the member ID (a contact ID is not a member ID: choose Customer By → Contact ID for those).',
			);
	}
	for (const p of byEmail) {
		if (results[p.index]) continue;
		p.contactId = contactOfEmail.get(p.value)?.id ?? undefined;
		if (!p.contactId && !p.createMissing)
			results[p.index] = itemError(
				this,
				p.index,
				'Email',
				'CONTACT_NOT_FOUND',
				`No contact has the email ${p.value}`,
				'Create the contact first, or turn on Create Contact If Missing.',
			);
	}

	await refuseUnlessProgramActive(this, pending, results);
	await findExistingAccounts(this, pending, results);

	// Without Continue On Fail nothing is written after an item that already failed.
	const stopAfterFailure = !this.continueOnFail();
	const failedEarly = results.findIndex((r) => r instanceof Error);
	const writable = pending.filter(
		(p) => !results[p.index] && (!stopAfterFailure || failedEarly < 0 || p.index < failedEarly),
	);
	// One contact created per new email, however many items name it.
	const creating = new Map<string, Promise<WixContact>>();
	const written = await runConcurrently(
		writable.length,
		await itemsAtOnce(this),
		(k) => `contact:${writable[k].contactId ?? writable[k].value}`,
		async (k) => await createAccount(this, writable[k], creating),
		{ stopAfterError: stopAfterFailure },
	);
	written.forEach((result, k) => {
		if (result !== undefined) results[writable[k].index] = result;
	});
	return results;
}

const fieldOf = (item: Pending) =>
	item.by === 'contactId' ? 'Contact' : item.by === 'memberId' ? 'Member' : 'Email';

/** Reads the program once: a program that is not ACTIVE takes no account, so nothing is written. */
async function refuseUnlessProgramActive(
	ctx: IExecuteFunctions,
	pending: Pending[],
	results: Array<IDataObject | Error>,
) {
	const open = pending.filter((p) => !results[p.index]);
	if (!open.length) return;
	let status: string | undefined;
	try {
		status = (await wixApiRequest<{ loyaltyProgram?: { status?: string } }>(ctx, programsApi.get()))
			.loyaltyProgram?.status;
	} catch (error) {
		for (const p of open) results[p.index] = pinToItem(ctx, error, p.index, fieldOf(p));
		return;
	}
	if (status === 'ACTIVE') return;
	for (const p of open)
		results[p.index] = itemError(
			ctx,
			p.index,
			fieldOf(p),
			'PROGRAM_NOT_ACTIVE',
			`The loyalty program is ${status ?? 'not set up'}, so it takes no accounts`,
			accountsApi.NOT_ACTIVE,
		);
}

/**
 * With Return Existing, the accounts of known contacts are read 100 contacts per request (Query
 * Loyalty Accounts by contactId), so a run over customers who have accounts sends no create.
 */
async function findExistingAccounts(
	ctx: IExecuteFunctions,
	pending: Pending[],
	results: Array<IDataObject | Error>,
) {
	const wanted = pending.filter(
		(p) => !results[p.index] && p.ifExists === 'returnExisting' && p.contactId,
	);
	const ids = [...new Set(wanted.map((p) => String(p.contactId)))];
	const accountOf = new Map<string, WixLoyaltyAccount>();
	try {
		for (const batch of chunks(ids, 100)) {
			const { loyaltyAccounts = [] } = await wixApiRequest<{
				loyaltyAccounts?: WixLoyaltyAccount[];
			}>(
				ctx,
				accountsApi.queryPage({
					filter: { contactId: { $in: batch } },
					cursorPaging: { limit: 100 },
				}),
			);
			for (const account of loyaltyAccounts)
				if (account.contactId) accountOf.set(account.contactId, account);
		}
	} catch {
		// The look-up is a shortcut: without it each item finds its account through Wix's answer.
		return;
	}
	for (const p of wanted) {
		const account = accountOf.get(String(p.contactId));
		if (account)
			results[p.index] = { ...(account as IDataObject), created: false, contactCreated: false };
	}
}

async function createAccount(
	ctx: IExecuteFunctions,
	item: Pending,
	creating: Map<string, Promise<WixContact>>,
): Promise<IDataObject> {
	const i = item.index;
	const field = item.by === 'contactId' ? 'Contact' : item.by === 'memberId' ? 'Member' : 'Email';
	try {
		if (!item.contactId) {
			let pendingContact = creating.get(item.value);
			if (!pendingContact) {
				pendingContact = createContact(
					ctx,
					{
						fields: {
							email: item.value,
							...(item.firstName ? { firstName: item.firstName } : {}),
							...(item.lastName ? { lastName: item.lastName } : {}),
						},
					},
					i,
				);
				creating.set(item.value, pendingContact);
				item.contactCreated = true;
			}
			item.contactId = (await pendingContact).id ?? undefined;
		}
		const contactId = String(item.contactId);
		const extra = { contactCreated: item.contactCreated ?? false };
		// Wix keeps nothing of who created an account: the Wix Trigger's Ignore Own Writes knows this
		// creation by a note in this process, made before the request (Wix may deliver the event
		// before the answer) and taken back when nothing was created.
		const note = noteOwnCreation(LOYALTY_ACCOUNT, contactId);
		try {
			const { account } = await wixApiRequest<{ account: WixLoyaltyAccount }>(
				ctx,
				accountsApi.create(contactId),
				i,
			);
			return { ...(account as IDataObject), created: true, ...extra };
		} catch (error) {
			// The answer was lost: the account may have been made; look before reporting.
			if (answerWasLost(error)) {
				const existing = await accountOfContact(ctx, contactId, i).catch(() => undefined);
				if (existing) return { ...(existing as IDataObject), created: true, ...extra };
			}
			note.forget();
			if (item.ifExists === 'returnExisting' && isAlreadyExists(error)) {
				const existing = await accountOfContact(ctx, contactId, i);
				return { ...(existing as IDataObject), created: false, ...extra };
			}
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	} catch (error) {
		throw pinToItem(ctx, error, i, field);
	}
}
