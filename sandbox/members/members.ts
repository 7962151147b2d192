// Site members (wix-api.md E.1): sign-up and query. The one place that knows who is a member:
// contacts (delete, merge, email changes) and loyalty (an account's memberId) ask here.
import type { SiteContext } from '../core/context';
import { notFound } from '../core/errors';
import {
	matches,
	normalizeSort,
	readPaging,
	sortEntities,
	validateFilter,
	type FieldResolver,
	type FieldRule,
} from '../core/query';
import type { ContactsState } from '../contacts/store';
import type { Member, QueryMembersResponse } from './types';

export interface MembersState {
	members: MembersStore;
}

/** Signing up reads the contact the member is made from. */
export type MembersContext = SiteContext<MembersState & ContactsState>;

const MEMBER_FIELDS: Record<string, FieldRule> = {
	id: { ops: ['$eq', '$ne', '$in'], type: 'id', get: (m: Member) => m.id },
	loginEmail: {
		ops: ['$eq', '$ne', '$in', '$startsWith'],
		type: 'text',
		get: (m: Member) => m.loginEmail,
	},
	status: { ops: ['$eq', '$ne', '$in'], type: 'text', get: (m: Member) => m.status },
	'contact.firstName': {
		ops: ['$eq', '$ne', '$in', '$startsWith'],
		type: 'text',
		sortable: true,
		get: (m: Member) => m.contact?.firstName,
	},
	'contact.lastName': {
		ops: ['$eq', '$ne', '$in', '$startsWith'],
		type: 'text',
		sortable: true,
		get: (m: Member) => m.contact?.lastName,
	},
	'profile.nickname': {
		ops: ['$eq', '$ne', '$in', '$startsWith'],
		type: 'text',
		sortable: true,
		get: (m: Member) => m.profile?.nickname,
	},
	createdDate: {
		ops: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'],
		type: 'date',
		sortable: true,
		get: (m: Member) => m.createdDate,
	},
};
const resolveMemberField: FieldResolver = (name) => MEMBER_FIELDS[name];

export class MembersStore {
	/**
	 * Who is a member. The seed and the admin API's role call make a contact a member without a
	 * Member record (the Members API does not list those); signing up makes both.
	 */
	private readonly contactIds = new Set<string>();
	private readonly records = new Map<string, Member>();

	isMember(contactId: string): boolean {
		return this.contactIds.has(contactId);
	}

	memberContactIds(): string[] {
		return [...this.contactIds];
	}

	setMember(contactId: string, member: boolean) {
		if (member) this.contactIds.add(contactId);
		else this.contactIds.delete(contactId);
	}

	/** The contact's Member record, if the contact signed up. */
	recordOf(contactId: string): Member | undefined {
		return [...this.records.values()].find((m) => m.contactId === contactId);
	}

	/** What signing up does: the contact becomes a member, with the member_created webhook and the sign-up trigger. */
	signUp(ctx: MembersContext, contactId: string): Member {
		const contact = ctx.site.contacts.get(contactId);
		if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${contactId}`);
		const now = ctx.site.now();
		const member: Member = {
			id: ctx.site.newId(),
			contactId,
			loginEmail: contact.primaryInfo?.email ?? null,
			loginEmailVerified: true,
			status: 'APPROVED',
			contact: {
				firstName: contact.info?.name?.first ?? null,
				lastName: contact.info?.name?.last ?? null,
			},
			profile: {
				nickname: contact.info?.name?.first ?? 'member',
				slug: (contact.info?.name?.first ?? 'member').toLowerCase(),
			},
			privacyStatus: 'PUBLIC',
			activityStatus: 'ACTIVE',
			createdDate: now,
			updatedDate: now,
		};
		this.records.set(member.id!, member);
		this.contactIds.add(contactId);
		ctx.emit({
			entityFqdn: 'wix.members.v1.member',
			slug: 'created',
			entityId: member.id!,
			body: { createdEvent: { entity: structuredClone(member) } },
		});
		ctx.fire?.('wix_members-uou_signs_up', {
			memberId: member.id,
			contactId,
			email: member.loginEmail,
		});
		return member;
	}

	query(body: Record<string, any>): QueryMembersResponse {
		const query = body.query ?? {};
		validateFilter(query.filter, resolveMemberField);
		const sort =
			query.sorting === undefined
				? [{ fieldName: 'createdDate', order: 'DESC' }]
				: normalizeSort(query.sorting, resolveMemberField);
		const paging = readPaging(query.paging, { limit: 50, max: 100 });
		const fieldsets = ([] as string[]).concat(body.fieldsets ?? ['PUBLIC']);
		const full = fieldsets.includes('FULL') || fieldsets.includes('EXTENDED');
		const list = sortEntities(
			[...this.records.values()].filter((m) => matches(m, query.filter, resolveMemberField)),
			sort,
			resolveMemberField,
		);
		const slice = list.slice(paging.offset, paging.offset + paging.limit).map((m) =>
			full
				? structuredClone(m)
				: {
						id: m.id,
						contactId: m.contactId,
						profile: m.profile,
						createdDate: m.createdDate,
						updatedDate: m.updatedDate,
						status: 'UNKNOWN' as const,
						privacyStatus: 'UNKNOWN' as const,
						activityStatus: 'UNKNOWN' as const,
					},
		);
		return {
			members: slice,
			metadata: {
				count: slice.length,
				offset: paging.offset,
				total: list.length,
				tooManyToCount: false,
			},
		};
	}
}

export function membersState(): MembersState {
	return { members: new MembersStore() };
}
