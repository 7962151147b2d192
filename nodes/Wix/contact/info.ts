// Builds Wix ContactInfo from node parameters, keeping what a partial update must not wipe.
import type {
	ContactInfoOriginal as ContactInfo,
	ContactOriginal as Contact,
} from '@wix/auto_sdk_crm_contacts/meta';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	buildCustomFields,
	listFields,
	listLabels,
	resolveLabelKeys,
	type CustomFieldInput,
} from './siteSchema';
import { splitList } from '../shared/lists';
import type { Rest } from '../shared/types';

export type WixContactInfo = Rest<ContactInfo>;
export type WixContact = Rest<Contact>;

export interface AddressInput {
	tag?: string;
	addressLine?: string;
	addressLine2?: string;
	city?: string;
	subdivision?: string;
	country?: string;
	postalCode?: string;
}

export interface ContactFields {
	firstName?: string;
	lastName?: string;
	email?: string;
	phone?: string;
	company?: string;
	jobTitle?: string;
	birthdate?: string;
	locale?: string;
	/** Label keys or display names. */
	labels?: string | string[];
	/** Label keys (resolved). */
	labelKeys?: string | string[];
	addresses?: { address?: AddressInput[] };
	customFields?: { field?: Array<{ key: string; value?: unknown }> };
}

function addressesOf(input: AddressInput[]) {
	return input.map(({ tag, ...address }) => {
		const clean = Object.fromEntries(
			Object.entries(address).filter(([, v]) => v !== undefined && v !== ''),
		);
		return { tag: (tag ?? 'UNTAGGED') as 'HOME', address: clean };
	});
}

/**
 * Maps the user's fields onto ContactInfo. With `current`, the primary email and phone are replaced
 * in place so secondary ones survive (Wix replaces a whole list when it is sent).
 */
export function buildContactInfo(fields: ContactFields, current?: WixContactInfo): WixContactInfo {
	const info: WixContactInfo = {};
	if (fields.firstName !== undefined || fields.lastName !== undefined) {
		info.name = { ...current?.name };
		if (fields.firstName !== undefined) info.name.first = fields.firstName;
		if (fields.lastName !== undefined) info.name.last = fields.lastName;
	}
	if (fields.email !== undefined && fields.email !== '') {
		const email = fields.email.trim();
		const items = (current?.emails?.items ?? []).map((item) => ({ ...item }));
		const primary = items.find((item) => item.primary) ?? items[0];
		if (primary) primary.email = email;
		else items.push({ email, tag: 'MAIN', primary: true });
		info.emails = { items };
	}
	if (fields.phone !== undefined && fields.phone !== '') {
		const items = (current?.phones?.items ?? []).map((item) => ({ ...item }));
		const primary = items.find((item) => item.primary) ?? items[0];
		if (primary) {
			primary.phone = fields.phone.trim();
			delete primary.e164Phone;
		} else items.push({ phone: fields.phone.trim(), tag: 'MOBILE', primary: true });
		info.phones = { items };
	}
	const addresses = fields.addresses?.address ?? [];
	if (addresses.length)
		info.addresses = { items: [...(current?.addresses?.items ?? []), ...addressesOf(addresses)] };
	if (fields.company !== undefined) info.company = fields.company;
	if (fields.jobTitle !== undefined) info.jobTitle = fields.jobTitle;
	if (fields.birthdate !== undefined && fields.birthdate !== '')
		info.birthdate = fields.birthdate.trim();
	if (fields.locale !== undefined && fields.locale !== '') info.locale = fields.locale.trim();
	if (fields.labelKeys !== undefined) info.labelKeys = { items: splitList(fields.labelKeys) };
	return info;
}

/**
 * The user's fields with what needs the site looked up: label names turned into keys (labels created
 * when asked) and custom fields by display name turned into extended-field items. Made once per
 * item; turning it into ContactInfo (`contactInfoOf`) then costs no request, however often a write
 * is retried.
 */
export interface PreparedFields {
	fields: ContactFields;
	customFields?: IDataObject;
}

/** Custom field values by field key, or undefined when none are given. Creates nothing. */
export async function resolveCustomFieldValues(
	ctx: IExecuteFunctions,
	fields: ContactFields,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const entries: CustomFieldInput[] = (fields.customFields?.field ?? [])
		.filter((f) => f.key !== undefined && f.key !== '')
		.map((f) => ({ field: f.key, value: f.value }));
	return await buildCustomFields(ctx, entries, itemIndex);
}

/** Resolves labels (creating missing ones when asked) and, unless given, custom fields. */
export async function prepareFields(
	ctx: IExecuteFunctions,
	fields: ContactFields,
	itemIndex: number,
	options: { createMissingLabels?: boolean } = {},
	customFields?: IDataObject,
): Promise<PreparedFields> {
	const labelKeys =
		fields.labels !== undefined
			? await resolveLabelKeys(
					ctx,
					splitList(fields.labels),
					itemIndex,
					options.createMissingLabels,
				)
			: undefined;
	return {
		fields: { ...fields, labelKeys },
		customFields: customFields ?? (await resolveCustomFieldValues(ctx, fields, itemIndex)),
	};
}

/** The ContactInfo to send; with `current`, what a partial update must keep (see buildContactInfo). */
export function contactInfoOf(prepared: PreparedFields, current?: WixContactInfo): WixContactInfo {
	const info = buildContactInfo(prepared.fields, current);
	if (prepared.customFields)
		info.extendedFields = { items: prepared.customFields as Record<string, unknown> };
	return info;
}

/** The flat contact of the Simplify toggle: names instead of keys for labels and custom fields. */
export async function simplifyContacts(
	ctx: IExecuteFunctions,
	contacts: WixContact[],
): Promise<IDataObject[]> {
	const [labels, fields] = await Promise.all([listLabels(ctx), listFields(ctx)]);
	const labelName = new Map(labels.map((l) => [l.key, l.displayName]));
	const fieldName = new Map(
		fields.filter((f) => f.fieldType !== 'SYSTEM').map((f) => [f.key, f.displayName]),
	);
	return contacts.map((c) => {
		const customFields: IDataObject = {};
		for (const [key, value] of Object.entries(c.info?.extendedFields?.items ?? {})) {
			const name = fieldName.get(key);
			if (name) customFields[name] = value as IDataObject[string];
		}
		return {
			id: c.id,
			revision: c.revision,
			firstName: c.info?.name?.first ?? null,
			lastName: c.info?.name?.last ?? null,
			email: c.primaryInfo?.email ?? null,
			phone: c.primaryInfo?.phone ?? null,
			company: c.info?.company ?? null,
			labels: (c.info?.labelKeys?.items ?? []).map((k) => labelName.get(k) ?? k),
			subscriptionStatus:
				(c.info?.extendedFields?.items?.['emailSubscriptions.subscriptionStatus'] as string) ??
				null,
			customFields,
			createdDate: c.createdDate,
			updatedDate: c.updatedDate,
		};
	});
}
