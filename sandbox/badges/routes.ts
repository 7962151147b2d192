import { adminRoutesFor } from '../core/admin';
import { MANAGE, READ, routesFor } from '../core/router';
import {
	assignBadge,
	createBadge,
	deleteBadge,
	getBadge,
	listBadges,
	listBadgesPerMember,
	listMembersByBadge,
	memberCountsPerBadge,
	unassignBadge,
	updateBadge,
	type BadgesContext,
} from './badges';

const route = routesFor<BadgesContext['site']>();
const BADGES = '/members/v3/badges';

/** Literal paths before `{id}` paths of the same method and length. */
export const badgesRoutes = [
	route('POST', `${BADGES}/members`, READ, ({ ctx, body }) => listBadgesPerMember(ctx, body)),
	route('GET', `${BADGES}/members/count`, READ, ({ ctx }) => memberCountsPerBadge(ctx)),
	route('POST', BADGES, MANAGE, ({ ctx, body }) => createBadge(ctx, body)),
	route('GET', BADGES, READ, ({ ctx, qs }) => listBadges(ctx, qs)),
	route('GET', `${BADGES}/{id}`, READ, ({ ctx, params: [id] }) => getBadge(ctx, id)),
	route('PATCH', `${BADGES}/{badgeId}`, MANAGE, ({ ctx, params: [id], body }) =>
		updateBadge(ctx, id, body),
	),
	route('DELETE', `${BADGES}/{id}`, MANAGE, ({ ctx, params: [id] }) => deleteBadge(ctx, id)),
	route('POST', `${BADGES}/{id}/members`, MANAGE, ({ ctx, params: [id], body }) =>
		assignBadge(ctx, id, body),
	),
	route('DELETE', `${BADGES}/{id}/members`, MANAGE, ({ ctx, params: [id], qs, body }) =>
		unassignBadge(ctx, id, qs, body),
	),
	route('GET', `${BADGES}/{id}/members`, READ, ({ ctx, params: [id], qs }) =>
		listMembersByBadge(ctx, id, qs),
	),
];

export const badgesAdmin = [
	adminRoutesFor<BadgesContext['site']>()('GET', '/badges', ({ ctx }) => ({
		badges: [...ctx.site.badges.badges.values()].map((badge) => ({
			...badge,
			memberIds: [...(ctx.site.badges.holders.get(badge.id!) ?? [])],
		})),
	})),
];
