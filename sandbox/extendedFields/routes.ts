import { MANAGE, READ, routesFor } from '../core/router';
import {
	deleteField,
	findOrCreateField,
	getField,
	listFields,
	queryFields,
	renameField,
	type ExtendedFieldsContext,
} from './extendedFields';

const route = routesFor<ExtendedFieldsContext['site']>();

export const extendedFieldsRoutes = [
	route('POST', '/contacts/v4/extended-fields/query', READ, ({ ctx, body }) =>
		queryFields(ctx, body),
	),
	route('POST', '/contacts/v4/extended-fields', MANAGE, ({ ctx, body }) =>
		findOrCreateField(ctx, body),
	),
	route('GET', '/contacts/v4/extended-fields', READ, ({ ctx, qs }) => listFields(ctx, qs)),
	route('GET', '/contacts/v4/extended-fields/{key}', READ, ({ ctx, params: [key] }) =>
		getField(ctx, key),
	),
	route('PATCH', '/contacts/v4/extended-fields/{key}', MANAGE, ({ ctx, params: [key], body }) =>
		renameField(ctx, key, body),
	),
	route('DELETE', '/contacts/v4/extended-fields/{key}', MANAGE, ({ ctx, params: [key] }) =>
		deleteField(ctx, key),
	),
];
