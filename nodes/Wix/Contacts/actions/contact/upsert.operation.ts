// Create or Update with Velo createContact semantics, batched: one Query Contacts call looks up to
// 100 items at once and its revisions are reused, so a run costs about one write per item.
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { contactFieldsCollection, createMissingLabelsOption } from '../../../contact/descriptions';
import {
	prepareFields,
	resolveCustomFieldValues,
	simplifyContacts,
	type ContactFields,
	type PreparedFields,
	type WixContact,
} from '../../../contact/info';
import { findContactsBy } from '../../../contact/lookup';
import { resolveField } from '../../../contact/siteSchema';
import { createContact, updateContact } from '../../../contact/write';
import { optionsCollection, simplifyProperty } from '../../../shared/descriptions';
import { normalizeEmail } from '../../../shared/lists';
import { runConcurrently } from '../../../shared/router';
import { itemsAtOnce } from '../../../transport';

const properties: INodeProperties[] = [
	contactFieldsCollection(
		'contactFields',
		'Contact Fields',
		'The contact is matched by email, then phone (then the external ID field, if chosen). Fields not given, or given empty, keep their stored values.',
	),
	simplifyProperty,
	optionsCollection([
		createMissingLabelsOption,
		{
			displayName: 'External ID Field Name or ID',
			name: 'externalIdField',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: ['site.value'] },
			default: '',
			description:
				'A custom field holding another system’s ID (e.g. externalCrmId), matched after email and phone. Set its value under Contact Fields → Custom Fields. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	properties,
);

interface Pending {
	index: number;
	/** Built once, before anything is written; every write of the item reuses it. */
	prepared: PreparedFields;
	email?: string;
	phone?: string;
	externalId?: string;
}

type Options = { createMissingLabels?: boolean; externalIdField?: string };

/** Contacts found by one attribute, kept current as this run writes. */
class ContactIndex {
	private readonly byKey = new Map<string, WixContact>();
	/** The keys each contact holds here, so a replace touches only its own entries. */
	private readonly keysOfId = new Map<string, Set<string>>();

	constructor(private readonly keysOf: (c: WixContact) => string[]) {}

	private set(key: string, contact: WixContact) {
		this.byKey.set(key, contact);
		const id = String(contact.id);
		const keys = this.keysOfId.get(id) ?? new Set<string>();
		keys.add(key);
		this.keysOfId.set(id, keys);
	}

	add(contact: WixContact) {
		for (const key of this.keysOf(contact)) if (!this.byKey.has(key)) this.set(key, contact);
	}

	replace(contact: WixContact) {
		const id = String(contact.id);
		for (const key of this.keysOfId.get(id) ?? []) {
			if (this.byKey.get(key)?.id === contact.id) this.byKey.delete(key);
		}
		this.keysOfId.delete(id);
		for (const key of this.keysOf(contact)) this.set(key, contact);
	}

	get(key: string | undefined) {
		return key === undefined ? undefined : this.byKey.get(key);
	}
}

async function lookUp(
	ctx: IExecuteFunctions,
	field: string,
	values: string[],
	index: ContactIndex,
) {
	(await findContactsBy(ctx, field, values)).forEach((c) => index.add(c));
}

/**
 * Mapped values come out empty when the source lacks them (a form left blank, a CRM without a last
 * name); for Create or Update that means "keep what Wix has", like a field not given at all.
 */
function withoutEmptyValues(fields: ContactFields): ContactFields {
	const isEmpty = (value: unknown) =>
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0);
	const kept = Object.fromEntries(
		Object.entries(fields).filter(([, value]) => !isEmpty(value)),
	) as ContactFields;
	if (kept.customFields?.field) {
		const field = kept.customFields.field.filter((f) => !isEmpty(f.value));
		if (field.length) kept.customFields = { field };
		else delete kept.customFields;
	}
	return kept;
}

export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = new Array(itemCount);
	const pending: Pending[] = [];
	let externalKey: string | undefined;

	for (let i = 0; i < itemCount; i++) {
		try {
			const fields = withoutEmptyValues(
				this.getNodeParameter('contactFields', i, {}) as ContactFields,
			);
			const options = this.getNodeParameter('options', i, {}) as Options;
			if (options.externalIdField)
				externalKey = (await resolveField(this, options.externalIdField, i)).key;
			// Custom fields first (they may hold the external ID); labels, which may be created, only
			// once the item is known to be writable.
			const customFields = await resolveCustomFieldValues(this, fields, i);
			const externalValue = externalKey ? customFields?.[externalKey] : undefined;
			const item = { index: i } as Pending;
			if (fields.email) item.email = normalizeEmail(fields.email);
			if (fields.phone) item.phone = fields.phone.trim();
			if (externalValue !== undefined && externalValue !== null && externalValue !== '')
				item.externalId = String(externalValue);
			if (!item.email && !item.phone && !item.externalId) {
				throw new NodeOperationError(
					this.getNode(),
					'Create or Update needs an Email or a Phone (or the external ID field) to match on',
					{
						itemIndex: i,
						description: 'Add Email or Phone under Contact Fields',
					},
				);
			}
			item.prepared = await prepareFields(this, fields, i, options, customFields);
			pending.push(item);
		} catch (error) {
			results[i] = error as Error;
		}
	}

	const emails = new ContactIndex((c) =>
		(c.info?.emails?.items ?? []).map((e) => String(e.email).toLowerCase()),
	);
	const phones = new ContactIndex((c) => (c.info?.phones?.items ?? []).map((p) => String(p.phone)));
	const externalIds = new ContactIndex((c) => {
		const value = externalKey ? c.info?.extendedFields?.items?.[externalKey] : undefined;
		return value === undefined || value === null ? [] : [String(value)];
	});
	const indexes = [emails, phones, externalIds];

	// Email first; phone and external ID only for what email did not find. A failed look-up fails
	// the items that waited on it, each with its own error item.
	try {
		await lookUp(
			this,
			'info.emails.email',
			pending.flatMap((p) => (p.email ? [p.email] : [])),
			emails,
		);
		const noEmailMatch = pending.filter((p) => !emails.get(p.email));
		await lookUp(
			this,
			'info.phones.phone',
			noEmailMatch.flatMap((p) => (p.phone ? [p.phone] : [])),
			phones,
		);
		if (externalKey) {
			const unmatched = noEmailMatch.filter((p) => !phones.get(p.phone));
			await lookUp(
				this,
				`info.extendedFields.${externalKey}`,
				unmatched.flatMap((p) => (p.externalId ? [p.externalId] : [])),
				externalIds,
			);
		}
	} catch (error) {
		for (const item of pending) results[item.index] = error as Error;
		return results;
	}

	// Without Continue On Fail the run stops at the first failed item: nothing after an item that
	// failed before any write is written, and nothing starts after one whose write failed.
	const stopAfterFailure = !this.continueOnFail();
	const failedEarly = results.findIndex((r) => r instanceof Error);
	const writable = pending.filter(
		(item) => !stopAfterFailure || failedEarly < 0 || item.index < failedEarly,
	);
	const groupOf = sameContactGroups(writable, [emails, phones, externalIds]);
	const written = await runConcurrently(
		writable.length,
		await itemsAtOnce(this),
		(k) => groupOf[k],
		async (k) => await write(this, writable[k], emails, phones, externalIds, indexes),
		{ stopAfterError: stopAfterFailure },
	);
	written.forEach((result, k) => {
		if (result !== undefined) results[writable[k].index] = result;
	});
	return results;
}

/** Writes one item: updates the contact it matches, or creates it. */
async function write(
	ctx: IExecuteFunctions,
	item: Pending,
	emails: ContactIndex,
	phones: ContactIndex,
	externalIds: ContactIndex,
	indexes: ContactIndex[],
): Promise<IDataObject> {
	const i = item.index;
	const match =
		emails.get(item.email) ?? phones.get(item.phone) ?? externalIds.get(item.externalId);
	let contact: WixContact;
	let action: 'created' | 'updated';
	if (match?.id) {
		contact = await updateContact(ctx, match.id, item.prepared, i, {}, match);
		action = 'updated';
	} else {
		const created = await createOrAdopt(ctx, item);
		contact = created.contact;
		action = created.action;
	}
	indexes.forEach((index) => index.replace(contact));
	const output = ctx.getNodeParameter('simplify', i, false)
		? (await simplifyContacts(ctx, [contact]))[0]
		: (contact as IDataObject);
	return { action, contactId: contact.id, ...output };
}

/**
 * Items that may end on the same contact (sharing an email, a phone, an external ID or the contact
 * the look-up found) form one group, written in input order; groups are written side by side. Each
 * item gets its group's name.
 */
function sameContactGroups(items: Pending[], [emails, phones, externalIds]: ContactIndex[]) {
	const parent = items.map((_, k) => k);
	const root = (k: number): number => (parent[k] === k ? k : (parent[k] = root(parent[k])));
	const firstWith = new Map<string, number>();
	items.forEach((item, k) => {
		const keys = [
			item.email && `email:${item.email}`,
			item.phone && `phone:${item.phone}`,
			item.externalId && `external:${item.externalId}`,
			...[emails.get(item.email), phones.get(item.phone), externalIds.get(item.externalId)].map(
				(found) => found?.id && `contact:${found.id}`,
			),
		].filter((key): key is string => Boolean(key));
		for (const key of keys) {
			const other = firstWith.get(key);
			if (other === undefined) firstWith.set(key, k);
			else parent[root(k)] = root(other);
		}
	});
	return items.map((_, k) => String(root(k)));
}

/** Creates the contact; if Wix says another contact already has the email or phone, updates that one. */
async function createOrAdopt(
	ctx: IExecuteFunctions,
	item: Pending,
): Promise<{ contact: WixContact; action: 'created' | 'updated' }> {
	try {
		return { contact: await createContact(ctx, item.prepared, item.index), action: 'created' };
	} catch (error) {
		const context = (error as NodeApiError).context ?? {};
		const duplicateId = (context.wixErrorData as { duplicateContactId?: string } | undefined)
			?.duplicateContactId;
		if (context.wixErrorCode !== 'DUPLICATE_CONTACT_EXISTS' || !duplicateId)
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		return {
			contact: await updateContact(ctx, duplicateId, item.prepared, item.index),
			action: 'updated',
		};
	}
}
