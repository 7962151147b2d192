/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The account's sites and the Sites API's Query Sites (`POST /site-list/v2/sites/query`), an
// account-level API: an account key calls it with `wix-account-id`, never with a site's header.
import { appError } from '../core/errors';
import { cursorQuery, DATE_OPS, field, ID_OPS, type QueryField } from '../core/cursorQuery';

export const SITES_QUERY_PATH = '/site-list/v2/sites/query';

/** What Query Sites answers for a site [INFER: the fields the nodes and the docs' recipe use]. */
export interface SiteRecord {
	id: string;
	name: string;
	displayName: string;
	createdDate: string;
	updatedDate: string;
	published: boolean;
	premium: boolean;
	viewUrl: string;
}

export function siteRecord(id: string, displayName: string, now = new Date()): SiteRecord {
	const slug =
		displayName
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'site';
	return {
		id,
		name: slug,
		displayName,
		createdDate: now.toISOString(),
		updatedDate: now.toISOString(),
		published: false,
		premium: false,
		viewUrl: `https://sandbox.wixsite.com/${slug}`,
	};
}

const SITE_FIELDS: Record<string, QueryField> = {
	id: field<SiteRecord>('id', ID_OPS, (s) => s.id),
	displayName: field<SiteRecord>(
		'text',
		['$eq', '$ne', '$in', '$startsWith'],
		(s) => s.displayName,
		['ASC', 'DESC'],
	),
	createdDate: field<SiteRecord>('date', DATE_OPS, (s) => s.createdDate, ['ASC', 'DESC']),
	updatedDate: field<SiteRecord>('date', DATE_OPS, (s) => s.updatedDate, ['ASC', 'DESC']),
};

/** Query Sites: filter on id, displayName and dates, cursor paging ≤100 (default 50), oldest first [INFER]. */
export function querySites(all: SiteRecord[], body: Record<string, any>) {
	if (body.query !== undefined && (typeof body.query !== 'object' || body.query === null))
		throw appError(400, 'INVALID_ARGUMENT', 'query must be an object');
	const { items, pagingMetadata } = cursorQuery(all, body.query, SITE_FIELDS, {
		maxSort: 1,
		defaultSort: [{ fieldName: 'createdDate', order: 'ASC' }],
	});
	return { sites: items, pagingMetadata };
}
