/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Member badges, v3 (wix-api.md E.2; `@wix/members`' default `badges` export): create, list, get,
// update, delete; assign to and unassign from members (with the `badge_assigned` /
// `badge_unassigned` webhooks), the members of a badge, the badges of members. Who is a member is
// the members store's to say: an ID that is not a member's cannot get a badge.
import type { ContactsState } from '../contacts/store';
import type { SiteContext } from '../core/context';
import { appError, notFound, validationError } from '../core/errors';
import { asArray } from '../core/http';
import { readPaging } from '../core/query';
import type { MembersState } from '../members/members';
import type {
	AssignBadgeResponse,
	Badge,
	GetMemberCountsPerBadgeResponse,
	ListBadgesResponse,
	ListMembersBadgeIdsResponse,
	ListMembersByBadgeResponse,
} from './types';

export class BadgesStore {
	readonly badges = new Map<string, Badge>();
	/** Badge ID → the IDs of the members holding it, in assignment order. */
	readonly holders = new Map<string, Set<string>>();
}

export interface BadgesState {
	badges: BadgesStore;
}

export type BadgesContext = SiteContext<BadgesState & MembersState & ContactsState>;

export function badgesState(): BadgesState {
	return { badges: new BadgesStore() };
}

const FQDN = 'wix.badges.v3.badge';
const HEX = /^#[0-9A-Fa-f]{6}$/;

/** "Awesome Badge" → `awesome-badge`. */
export function slugOf(title: string): string {
	return (
		title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'badge'
	);
}

function badgeOf(ctx: BadgesContext, id: string): Badge {
	const badge = ctx.site.badges.badges.get(id);
	if (!badge) throw notFound('BADGE_NOT_FOUND', `Badge ${id}`);
	return badge;
}

/** Validates the writable fields present in `input`; colors are stored upper-case. */
function readBadge(ctx: BadgesContext, input: any, creating: boolean, selfId?: string): Badge {
	if (typeof input !== 'object' || input === null)
		throw validationError([{ field: 'badge', description: 'is required' }]);
	const out: Badge = {};
	if (creating || input.title !== undefined) {
		if (typeof input.title !== 'string' || !input.title.trim() || input.title.length > 100)
			throw validationError([
				{ field: 'badge.title', description: 'is required, 1 to 100 characters' },
			]);
		const slug = slugOf(input.title);
		const taken = [...ctx.site.badges.badges.values()].find(
			(b) => b.slug === slug && b.id !== selfId,
		);
		if (taken)
			throw appError(
				409,
				'BADGE_TITLE_ALREADY_EXISTS',
				`A badge titled "${taken.title}" already exists`,
				{
					badgeId: taken.id,
				},
			);
		out.title = input.title;
		out.slug = slug;
	}
	for (const key of ['backgroundColor', 'textColor'] as const) {
		if (input[key] === undefined || input[key] === null) continue;
		if (typeof input[key] !== 'string' || !HEX.test(input[key]))
			throw validationError([
				{ field: `badge.${key}`, description: 'must be a hex color like #796EFF' },
			]);
		out[key] = input[key].toUpperCase();
	}
	if (input.description !== undefined)
		out.description = input.description === null ? null : String(input.description);
	if (input.icon !== undefined) out.icon = input.icon === null ? null : String(input.icon);
	if (input.permissionsEnabled !== undefined)
		out.permissionsEnabled = Boolean(input.permissionsEnabled);
	return out;
}

export function createBadge(ctx: BadgesContext, body: Record<string, any>): { badge: Badge } {
	const fields = readBadge(ctx, body.badge, true);
	const now = ctx.site.now();
	const badge: Badge = {
		id: ctx.site.newId(),
		title: fields.title,
		description: fields.description ?? '',
		backgroundColor: fields.backgroundColor ?? '#796EFF',
		textColor: fields.textColor ?? '#FFFFFF',
		icon: fields.icon ?? '',
		permissionsEnabled: fields.permissionsEnabled ?? false,
		slug: fields.slug,
		createdDate: now,
		updatedDate: now,
	};
	ctx.site.badges.badges.set(badge.id!, badge);
	ctx.site.badges.holders.set(badge.id!, new Set());
	return { badge: structuredClone(badge) };
}

export function getBadge(ctx: BadgesContext, id: string): { badge: Badge } {
	return { badge: structuredClone(badgeOf(ctx, id)) };
}

/** `GET /members/v3/badges`: `paging.limit` 100 by default, at most 1000; oldest first [INFER]. */
export function listBadges(ctx: BadgesContext, qs: Record<string, any>): ListBadgesResponse {
	const { limit, offset } = readPaging(qs.paging, { limit: 100, max: 1000 });
	const all = [...ctx.site.badges.badges.values()];
	const slice = all.slice(offset, offset + limit);
	return {
		badges: structuredClone(slice),
		metadata: { count: slice.length, offset, total: all.length, tooManyToCount: false },
	};
}

/** `PATCH /members/v3/badges/{badgeId} {badge}`: the fields sent replace; the slug follows the title. */
export function updateBadge(
	ctx: BadgesContext,
	id: string,
	body: Record<string, any>,
): { badge: Badge } {
	const badge = badgeOf(ctx, id);
	const fields = readBadge(ctx, body.badge, false, id);
	const next: Badge = { ...badge, ...fields, updatedDate: ctx.site.now() };
	ctx.site.badges.badges.set(id, next);
	return { badge: structuredClone(next) };
}

/** Deleting a badge takes it from its members without `badge_unassigned` events [INFER]. */
export function deleteBadge(ctx: BadgesContext, id: string): Record<string, never> {
	badgeOf(ctx, id);
	ctx.site.badges.badges.delete(id);
	ctx.site.badges.holders.delete(id);
	return {};
}

/** The member IDs of a request: 1 to 100 strings, each a member's, else 404 naming the first that is not. */
function readMemberIds(
	ctx: BadgesContext,
	value: unknown,
	field: string,
	mustBeMembers: boolean,
): string[] {
	const ids = asArray(value);
	if (!ids.length || ids.length > 100)
		throw validationError([{ field, description: 'must list 1 to 100 member IDs' }]);
	if (!mustBeMembers) return ids;
	for (const memberId of ids) {
		if (ctx.site.members.byId(memberId)) continue;
		const contact = ctx.site.contacts.get(memberId);
		throw appError(
			404,
			'MEMBER_NOT_FOUND',
			contact
				? `${memberId} is the ID of a contact that is not a site member: only members can hold badges`
				: `Member ${memberId} not found`,
			{ memberId },
		);
	}
	return ids;
}

function announce(
	ctx: BadgesContext,
	badgeId: string,
	memberId: string,
	slug: 'badge_assigned' | 'badge_unassigned',
) {
	ctx.emit({
		entityFqdn: FQDN,
		slug,
		entityId: badgeId,
		body: { actionEvent: { body: { memberId } } },
	});
}

/**
 * `POST /members/v3/badges/{id}/members {memberIds}` → `{memberIds}`: every listed member now holds
 * the badge; `badge_assigned` is sent for each who did not already.
 */
export function assignBadge(
	ctx: BadgesContext,
	id: string,
	body: Record<string, any>,
): AssignBadgeResponse {
	badgeOf(ctx, id);
	const memberIds = readMemberIds(ctx, body.memberIds, 'memberIds', true);
	const holders = ctx.site.badges.holders.get(id)!;
	for (const memberId of memberIds) {
		if (holders.has(memberId)) continue;
		holders.add(memberId);
		announce(ctx, id, memberId, 'badge_assigned');
	}
	return { memberIds: [...new Set(memberIds)] };
}

/**
 * `DELETE /members/v3/badges/{id}/members?memberIds=…` → `{}`: `badge_unassigned` for each listed
 * member who held the badge; others are left as they are.
 */
export function unassignBadge(
	ctx: BadgesContext,
	id: string,
	qs: Record<string, any>,
	body: Record<string, any>,
): Record<string, never> {
	badgeOf(ctx, id);
	const memberIds = readMemberIds(ctx, qs.memberIds ?? body.memberIds, 'memberIds', false);
	const holders = ctx.site.badges.holders.get(id)!;
	for (const memberId of memberIds) {
		if (!holders.delete(memberId)) continue;
		announce(ctx, id, memberId, 'badge_unassigned');
	}
	return {};
}

/** `GET /members/v3/badges/{id}/members` → `{memberIds, metadata}` in assignment order. */
export function listMembersByBadge(
	ctx: BadgesContext,
	id: string,
	qs: Record<string, any>,
): ListMembersByBadgeResponse {
	badgeOf(ctx, id);
	const { limit, offset } = readPaging(qs.paging, { limit: 100, max: 1000 });
	const all = [...ctx.site.badges.holders.get(id)!];
	const slice = all.slice(offset, offset + limit);
	return {
		memberIds: slice,
		metadata: { count: slice.length, offset, total: all.length, tooManyToCount: false },
	};
}

/** `POST /members/v3/badges/members {memberIds}` → the badge IDs of each member asked about. */
export function listBadgesPerMember(
	ctx: BadgesContext,
	body: Record<string, any>,
): ListMembersBadgeIdsResponse {
	const memberIds = readMemberIds(ctx, body.memberIds, 'memberIds', false);
	return {
		memberBadgeIds: [...new Set(memberIds)].map((memberId) => ({
			memberId,
			badgeIds: [...ctx.site.badges.holders]
				.filter(([, holders]) => holders.has(memberId))
				.map(([badgeId]) => badgeId),
		})),
	};
}

export function memberCountsPerBadge(ctx: BadgesContext): GetMemberCountsPerBadgeResponse {
	return {
		badgeMemberCounts: [...ctx.site.badges.holders].map(([badgeId, holders]) => ({
			badgeId,
			memberCount: holders.size,
		})),
	};
}
