/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Fieldsets and fields: which parts of a contact Get, List and Query return.
import { validationError } from '../core/errors';
import type { Contact } from './types';

const FIELDSETS: Record<string, string[]> = {
	BASIC: ['primaryInfo', 'info.name'],
	COMMUNICATION_DETAILS: [
		'primaryInfo',
		'info.name',
		'info.emails',
		'info.phones',
		'info.addresses',
	],
	EXTENDED: ['primaryInfo', 'info.name', 'info.extendedFields'],
};

const PROJECTABLE = new Set([
	'source',
	'createdDate',
	'updatedDate',
	'lastActivity',
	'primaryInfo',
	'info.name',
	'info.emails',
	'info.phones',
	'info.addresses',
	'info.company',
	'info.jobTitle',
	'info.picture',
	'info.birthdate',
	'info.locale',
	'info.labelKeys',
	'info.locations',
	'info.extendedFields',
]);

/** Applies `fieldsets` and `fields` (their union); FULL, or neither given, returns everything. */
export function project(contact: Contact, fieldsets: string[], fields: string[]): Contact {
	for (const fs of fieldsets) {
		if (fs !== 'FULL' && !FIELDSETS[fs])
			throw validationError([{ field: 'fieldsets', description: `unknown fieldset ${fs}` }]);
	}
	for (const f of fields) {
		if (!PROJECTABLE.has(f))
			throw validationError([{ field: 'fields', description: `cannot project ${f}` }]);
	}
	if ((fieldsets.length === 0 && fields.length === 0) || fieldsets.includes('FULL'))
		return structuredClone(contact);
	const wanted = new Set([...fieldsets.flatMap((fs) => FIELDSETS[fs]), ...fields]);
	const out: Record<string, any> = { id: contact.id, revision: contact.revision };
	const info: Record<string, any> = {};
	for (const path of wanted) {
		if (path.startsWith('info.')) {
			const key = path.slice(5);
			const value = (contact.info as Record<string, unknown>)?.[key];
			if (value !== undefined) info[key] = structuredClone(value);
		} else {
			const value = (contact as Record<string, unknown>)[path];
			if (value !== undefined) out[path] = structuredClone(value);
		}
	}
	if (Object.keys(info).length) out.info = info;
	return out as Contact;
}
