// Wix Members API, badges: the version `@wix/members` ships as its default `badges` export, Badges
// v3 (`/members/v3/badges`, `@wix/auto_sdk_members_badges`, type-only).
import type { BadgeOriginal as Badge } from '@wix/auto_sdk_members_badges/meta';
import type { IDataObject } from 'n8n-workflow';

import type { Rest } from '../shared/types';
import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export type WixBadge = Rest<Badge>;

export const BADGES_PATH = '/members/v3/badges';

/** List Badges and List Members by Badge page by offset; 100 is Wix's default page. */
export const PAGE_SIZE = 100;

/** Member IDs per Assign or Unassign request (Wix caps lists of member IDs at 100). */
export const MEMBERS_PER_REQUEST = 100;

const UNKNOWN_BADGE =
	'Check the badge: no badge has this ID on this site (it may have been deleted). Pick it from the list.';

export const errors: WixApiErrors = {
	hints: {
		'404': UNKNOWN_BADGE,
		BADGE_NOT_FOUND: UNKNOWN_BADGE,
		MEMBER_NOT_FOUND:
			'A member ID in field memberIds is not a site member: check it (a contact ID is not a member ID; set Identify Members By to Contact ID to pass contact IDs).',
		'400':
			'Check the field named in the message: a badge needs a title; colors are hex like #FFFFFF (upper-case).',
	},
};

export function badgePath(id: string): string {
	return `${BADGES_PATH}/${encodeURIComponent(id)}`;
}

/** Not idempotent: a second send makes a second badge. */
export const create = (badge: WixBadge): WixRequest => ({
	method: 'POST',
	path: BADGES_PATH,
	body: { badge } as IDataObject,
	errors,
	idempotent: false,
});

export const get = (id: string): WixRequest => ({ method: 'GET', path: badgePath(id), errors });

export const update = (badge: WixBadge & { id: string }): WixRequest => ({
	method: 'PATCH',
	path: badgePath(badge.id),
	body: { badge } as IDataObject,
	errors,
});

export const remove = (id: string): WixRequest => ({
	method: 'DELETE',
	path: badgePath(id),
	errors,
});

/** Assigning is idempotent (a member who has the badge keeps it). */
export const assign = (id: string, memberIds: string[]): WixRequest => ({
	method: 'POST',
	path: `${badgePath(id)}/members`,
	body: { memberIds },
	errors,
});

/** Unassign takes the member IDs in the query string. */
export const unassign = (id: string, memberIds: string[]): WixRequest => ({
	method: 'DELETE',
	path: `${badgePath(id)}/members`,
	qs: { memberIds },
	errors,
});

export const list = (limit?: number): AllItemsRequest => ({
	method: 'GET',
	path: BADGES_PATH,
	errors,
	model: 'offset',
	itemsKey: 'badges',
	pageSize: PAGE_SIZE,
	pagingIn: 'qs',
	limit,
});

/** The IDs of the members who have the badge. */
export const listMembers = (id: string, limit?: number): AllItemsRequest => ({
	method: 'GET',
	path: `${badgePath(id)}/members`,
	errors,
	model: 'offset',
	itemsKey: 'memberIds',
	pageSize: PAGE_SIZE,
	pagingIn: 'qs',
	limit,
});
