// REST shapes of Members, from Wix's own SDK types.
import type {
	MemberOriginal,
	QueryMembersResponseOriginal,
} from '@wix/auto_sdk_members_members/meta';
import type { Rest } from '../core/types';

export type Member = Rest<MemberOriginal>;
export type QueryMembersResponse = Rest<QueryMembersResponseOriginal>;
