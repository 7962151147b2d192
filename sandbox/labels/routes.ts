import { MANAGE, READ, routesFor } from '../core/router';
import {
	deleteLabel,
	findOrCreateLabel,
	getLabel,
	listLabels,
	queryLabels,
	renameLabel,
	type LabelsContext,
} from './labels';

const route = routesFor<LabelsContext['site']>();

export const labelsRoutes = [
	route('POST', '/contacts/v4/labels/query', READ, ({ ctx, body }) => queryLabels(ctx, body)),
	route('POST', '/contacts/v4/labels', MANAGE, ({ ctx, body }) => findOrCreateLabel(ctx, body)),
	route('GET', '/contacts/v4/labels', READ, ({ ctx, qs }) => listLabels(ctx, qs)),
	route('GET', '/contacts/v4/labels/{key}', READ, ({ ctx, params: [key] }) => getLabel(ctx, key)),
	route('PATCH', '/contacts/v4/labels/{key}', MANAGE, ({ ctx, params: [key], body }) =>
		renameLabel(ctx, key, body),
	),
	route('DELETE', '/contacts/v4/labels/{key}', MANAGE, ({ ctx, params: [key] }) =>
		deleteLabel(ctx, key),
	),
];
