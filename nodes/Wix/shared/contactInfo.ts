// Builds Wix ContactInfo from node parameters, keeping what a partial update must not wipe.
import type { ContactInfoOriginal as ContactInfo } from '@wix/auto_sdk_crm_contacts/meta';
import type { Rest } from './types';

export type WixContactInfo = Rest<ContactInfo>;

export interface ContactFields {
	firstName?: string;
	lastName?: string;
	email?: string;
	phone?: string;
	company?: string;
	jobTitle?: string;
	birthdate?: string;
	locale?: string;
	labelKeys?: string | string[];
}

export function splitList(value: string | string[] | undefined): string[] {
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
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
		const items = (current?.emails?.items ?? []).map((item) => ({ ...item }));
		const primary = items.find((item) => item.primary) ?? items[0];
		if (primary) primary.email = fields.email.trim();
		else items.push({ email: fields.email.trim(), tag: 'MAIN', primary: true });
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
	if (fields.company !== undefined) info.company = fields.company;
	if (fields.jobTitle !== undefined) info.jobTitle = fields.jobTitle;
	if (fields.birthdate !== undefined && fields.birthdate !== '') info.birthdate = fields.birthdate.trim();
	if (fields.locale !== undefined && fields.locale !== '') info.locale = fields.locale.trim();
	if (fields.labelKeys !== undefined) info.labelKeys = { items: splitList(fields.labelKeys) };
	return info;
}
