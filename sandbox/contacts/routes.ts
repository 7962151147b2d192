import { MANAGE, READ, routesFor } from '../core/router';
import {
	createContact,
	deleteContact,
	getContact,
	labelContact,
	listContacts,
	queryContacts,
	updateContact,
} from './contacts';
import type { ContactsSite } from './context';
import { mergeContacts, previewMerge } from './merge';

const route = routesFor<ContactsSite>();

export const contactsRoutes = [
	route('POST', '/contacts/v4/contacts/query', READ, ({ ctx, body }) => queryContacts(ctx, body)),
	route('POST', '/contacts/v4/contacts', MANAGE, ({ ctx, body }) => createContact(ctx, body)),
	route('GET', '/contacts/v4/contacts', READ, ({ ctx, qs }) => listContacts(ctx, qs)),
	route('GET', '/contacts/v4/contacts/{id}', READ, ({ ctx, params: [id], qs }) =>
		getContact(ctx, id, qs),
	),
	route('PATCH', '/contacts/v4/contacts/{id}', MANAGE, ({ ctx, params: [id], body }) =>
		updateContact(ctx, id, body),
	),
	route('DELETE', '/contacts/v4/contacts/{id}', MANAGE, ({ ctx, params: [id] }) =>
		deleteContact(ctx, id),
	),
	route('POST', '/contacts/v4/contacts/{id}/merge', MANAGE, ({ ctx, params: [id], body }) =>
		mergeContacts(ctx, id, body),
	),
	route('POST', '/contacts/v4/contacts/{id}/preview-merge', READ, ({ ctx, params: [id], body }) =>
		previewMerge(ctx, id, body),
	),
	route('POST', '/contacts/v4/contacts/{id}/labels', MANAGE, ({ ctx, params: [id], body }) =>
		labelContact(ctx, id, body.labelKeys, true),
	),
	route('DELETE', '/contacts/v4/contacts/{id}/labels', MANAGE, ({ ctx, params: [id], qs }) =>
		labelContact(ctx, id, qs.labelKeys, false),
	),
];
