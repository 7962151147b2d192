// REST shapes of Badges v3 (`/members/v3/badges`), the API `@wix/members` 1.0.519 exports as its
// default `badges` (`@wix/auto_sdk_members_badges` 1.0.54), from Wix's own SDK types.
import type {
	BadgeOriginal,
	ListBadgesResponseOriginal,
	ListMembersResponseOriginal,
	ListMembersBadgeIdsResponseOriginal,
	AssignBadgeResponseOriginal,
	GetMemberCountsPerBadgeResponseOriginal,
} from '@wix/auto_sdk_members_badges/meta';
import type { Rest } from '../core/types';

export type Badge = Rest<BadgeOriginal>;
export type ListBadgesResponse = Rest<ListBadgesResponseOriginal>;
export type ListMembersByBadgeResponse = Rest<ListMembersResponseOriginal>;
export type ListMembersBadgeIdsResponse = Rest<ListMembersBadgeIdsResponseOriginal>;
export type AssignBadgeResponse = Rest<AssignBadgeResponseOriginal>;
export type GetMemberCountsPerBadgeResponse = Rest<GetMemberCountsPerBadgeResponseOriginal>;
