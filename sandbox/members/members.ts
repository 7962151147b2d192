/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Site members (wix-api.md E.1): sign-up, get, list and query with fieldsets and search. The one
// place that knows who is a member: contacts (delete, merge, email changes), loyalty (an
// account's memberId) and badges (who may hold one) ask here.
import type { SiteContext } from '../core/context';
import { appError, notFound } from '../core/errors';
import { asArray } from '../core/http';
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

const TEXT_OPS = [
	'$eq',
	'$ne',
	'$in',
	'$nin',
	'$startsWith',
	'$exists',
	'$gt',
	'$gte',
	'$lt',
	'$lte',
];
const ENUM_OPS = ['$eq', '$ne', '$in', '$nin', '$exists'];
const text = (get: (m: Member) => unknown, sortable = false): FieldRule => ({
	ops: TEXT_OPS,
	type: 'text',
	sortable,
	get,
});
// The SDK's MemberQuerySpec fields, plus `createdDate` (REST-DOCS), which the polling trigger uses.
const MEMBER_FIELDS: Record<string, FieldRule> = {
	id: { ops: TEXT_OPS, type: 'id', get: (m: Member) => m.id },
	contactId: { ops: TEXT_OPS, type: 'id', get: (m: Member) => m.contactId },
	loginEmail: text((m) => m.loginEmail),
	status: { ops: ENUM_OPS, type: 'text', get: (m: Member) => m.status },
	privacyStatus: { ops: ENUM_OPS, type: 'text', get: (m: Member) => m.privacyStatus },
	'contact.firstName': text((m) => m.contact?.firstName, true),
	'contact.lastName': text((m) => m.contact?.lastName, true),
	'profile.nickname': text((m) => m.profile?.nickname, true),
	'profile.slug': text((m) => m.profile?.slug),
	createdDate: {
		ops: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'],
		type: 'date',
		sortable: true,
		get: (m: Member) => m.createdDate,
	},
};
const resolveMemberField: FieldResolver = (name) => MEMBER_FIELDS[name];

/** Fields free-text search may look in (SDK `Search.fields`); `profile.nickname` by default. */
const SEARCH_FIELDS: Record<string, (m: Member) => unknown> = {
	loginEmail: (m) => m.loginEmail,
	'contact.firstName': (m) => m.contact?.firstName,
	'contact.lastName': (m) => m.contact?.lastName,
	'profile.title': (m) => m.profile?.title,
	'profile.nickname': (m) => m.profile?.nickname,
	'profile.slug': (m) => m.profile?.slug,
};

const FIELDSETS = ['PUBLIC', 'EXTENDED', 'FULL'];

/** The fieldsets asked for: an array or (as REST-DOCS examples send) one string; PUBLIC by default. */
export function readFieldsets(value: unknown): string[] {
	const list = asArray(value);
	for (const f of list) {
		if (!FIELDSETS.includes(f))
			throw appError(
				400,
				'INVALID_ARGUMENT',
				`Unknown fieldset ${f}: use PUBLIC, EXTENDED or FULL`,
			);
	}
	return list.length ? list : ['PUBLIC'];
}

/**
 * A member as the fieldsets show it (SDK `Set` docs): PUBLIC has `id`, `contactId`, dates and
 * `profile`, with the statuses `UNKNOWN`; EXTENDED adds `loginEmail`, `status`, `privacyStatus`,
 * `activityStatus`; FULL is everything (also `contact`).
 */
export function projectMember(member: Member, fieldsets: string[]): Member {
	if (fieldsets.includes('FULL')) return structuredClone(member);
	const base: Member = {
		id: member.id,
		contactId: member.contactId,
		profile: structuredClone(member.profile),
		createdDate: member.createdDate,
		updatedDate: member.updatedDate,
		status: 'UNKNOWN',
		privacyStatus: 'UNKNOWN',
		activityStatus: 'UNKNOWN',
	};
	if (!fieldsets.includes('EXTENDED')) return base;
	return {
		...base,
		loginEmail: member.loginEmail,
		loginEmailVerified: member.loginEmailVerified,
		status: member.status,
		privacyStatus: member.privacyStatus,
		activityStatus: member.activityStatus,
	};
}

export class MembersStore {
	/** Member records by member ID; every member has one (seeded, role-set or signed-up alike). */
	private readonly records = new Map<string, Member>();
	/** Contact ID → member ID. */
	private readonly byContact = new Map<string, string>();

	isMember(contactId: string): boolean {
		return this.byContact.has(contactId);
	}

	memberContactIds(): string[] {
		return [...this.byContact.keys()];
	}

	/** The member ID of a contact that is a member. */
	memberIdOf(contactId: string): string | undefined {
		return this.byContact.get(contactId);
	}

	/** The member record by member ID. */
	byId(memberId: string): Member | undefined {
		return this.records.get(memberId);
	}

	/**
	 * What the seed and the admin role call do: the contact becomes (or stops being) a member, with a
	 * Member record but no webhook or automation.
	 */
	setMember(ctx: MembersContext, contactId: string, member: boolean) {
		if (member && !this.byContact.has(contactId)) this.add(ctx, contactId);
		if (!member) {
			const id = this.byContact.get(contactId);
			if (id) this.records.delete(id);
			this.byContact.delete(contactId);
		}
	}

	/** The contact's Member record, if the contact is a member. */
	recordOf(contactId: string): Member | undefined {
		const id = this.byContact.get(contactId);
		return id ? this.records.get(id) : undefined;
	}

	private add(ctx: MembersContext, contactId: string): Member {
		const contact = ctx.site.contacts.get(contactId);
		if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${contactId}`);
		const now = ctx.site.now();
		const first = contact.info?.name?.first ?? null;
		const nickname = [first, contact.info?.name?.last].filter(Boolean).join(' ') || 'member';
		const member: Member = {
			id: ctx.site.newId(),
			contactId,
			loginEmail: contact.primaryInfo?.email ?? null,
			loginEmailVerified: true,
			status: 'APPROVED',
			contact: {
				firstName: first,
				lastName: contact.info?.name?.last ?? null,
				emails: contact.primaryInfo?.email ? [contact.primaryInfo.email] : [],
				phones: contact.primaryInfo?.phone ? [contact.primaryInfo.phone] : [],
			},
			profile: {
				nickname,
				slug: `${nickname.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${this.records.size + 1}`,
			},
			privacyStatus: 'PUBLIC',
			activityStatus: 'ACTIVE',
			createdDate: now,
			updatedDate: now,
		};
		this.records.set(member.id!, member);
		this.byContact.set(contactId, member.id!);
		return member;
	}

	/**
	 * What signing up does: the contact becomes a member, with the member_created webhook and the
	 * sign-up trigger. `approval`: the site approves new members, so the member waits as PENDING and
	 * the request-approval trigger fires too; `confirmEmail`: the login email is unconfirmed and the
	 * confirmation-required trigger fires too; `byOwner`: the owner set the contact as a member,
	 * which fires the activation trigger instead of the sign-up one.
	 */
	signUp(
		ctx: MembersContext,
		contactId: string,
		options: { approval?: boolean; confirmEmail?: boolean; byOwner?: boolean } = {},
	): Member {
		const existing = this.recordOf(contactId);
		if (existing) return existing;
		const member = this.add(ctx, contactId);
		if (options.approval) member.status = 'PENDING';
		if (options.confirmEmail) member.loginEmailVerified = false;
		ctx.emit({
			entityFqdn: 'wix.members.v1.member',
			slug: 'created',
			entityId: member.id!,
			body: { createdEvent: { entity: structuredClone(member) } },
		});
		if (options.byOwner) {
			ctx.fire?.('wix_sitemembers_app-member_activation', memberPayload(member));
			return member;
		}
		ctx.fire?.('wix_members-uou_signs_up', memberPayload(member));
		if (options.approval)
			ctx.fire?.('wix_sitemembers_app-new_member_requests_approval', memberPayload(member));
		if (options.confirmEmail)
			ctx.fire?.('wix_sitemembers_app-member_email_confirmation_required', memberPayload(member));
		return member;
	}

	private existing(memberId: string): Member {
		const member = this.records.get(memberId);
		if (!member) throw notFound('MEMBER_NOT_FOUND', `Member ${memberId}`);
		return member;
	}

	private changeStatus(ctx: MembersContext, member: Member, status: string, triggerKey: string) {
		if (member.status === status) return;
		member.status = status as Member['status'];
		member.updatedDate = ctx.site.now();
		ctx.emit({
			entityFqdn: 'wix.members.v1.member',
			slug: 'updated',
			entityId: member.id!,
			body: { updatedEvent: { currentEntity: structuredClone(member) } },
		});
		ctx.fire?.(triggerKey, memberPayload(member));
	}

	/** `POST /members/v1/members/{id}/approve`: a pending (or blocked) member may log in. */
	approve(ctx: MembersContext, memberId: string): { member: Member } {
		const member = this.existing(memberId);
		this.changeStatus(ctx, member, 'APPROVED', 'wix_members-member_approves');
		return { member: projectMember(member, ['FULL']) };
	}

	/** `POST /members/v1/members/{id}/block`: the member can no longer log in. */
	block(ctx: MembersContext, memberId: string): { member: Member } {
		const member = this.existing(memberId);
		this.changeStatus(ctx, member, 'BLOCKED', 'wix_members-member_blocked');
		return { member: projectMember(member, ['FULL']) };
	}

	/** `DELETE /members/v1/members/{id}`: the member goes, the contact stays. */
	delete(ctx: MembersContext, memberId: string): Record<string, never> {
		const member = this.existing(memberId);
		this.records.delete(memberId);
		this.byContact.delete(member.contactId!);
		ctx.emit({
			entityFqdn: 'wix.members.v1.member',
			slug: 'deleted',
			entityId: memberId,
			body: { deletedEvent: {} },
		});
		ctx.fire?.('wix_members-member_deleted', memberPayload(member));
		return {};
	}

	/** A visitor's action on the member's behalf (admin API): logging in, asking for a password reset. */
	visitorAction(ctx: MembersContext, memberId: string, action: 'login' | 'reset-password'): Member {
		const member = this.existing(memberId);
		if (action === 'login') {
			if (member.status !== 'APPROVED' || member.loginEmailVerified === false)
				throw appError(403, 'MEMBER_CANNOT_LOG_IN', `Member ${memberId} is ${member.status}`);
			member.lastLoginDate = ctx.site.now();
			ctx.fire?.('wix_members-member_logs_in', {
				...memberPayload(member),
				lastLoginDate: member.lastLoginDate,
			});
		} else {
			ctx.fire?.('wix_sitemembers_app-member_reset_password', memberPayload(member));
		}
		return member;
	}

	get(memberId: string, qs: Record<string, any>): { member: Member } {
		const member = this.records.get(memberId);
		if (!member) throw notFound('MEMBER_NOT_FOUND', `Member ${memberId}`);
		return { member: projectMember(member, readFieldsets(qs.fieldsets)) };
	}

	/** `GET /members/v1/members`: offset paging, newest first [INFER], with fieldsets. */
	list(qs: Record<string, any>): QueryMembersResponse {
		return this.page([...this.records.values()].reverse(), qs.paging, readFieldsets(qs.fieldsets));
	}

	query(body: Record<string, any>): QueryMembersResponse {
		const query = body.query ?? {};
		validateFilter(query.filter, resolveMemberField);
		const sort =
			query.sorting === undefined
				? [{ fieldName: 'createdDate', order: 'DESC' }]
				: normalizeSort(query.sorting, resolveMemberField);
		const fieldsets = readFieldsets(body.fieldsets);
		const search = readSearch(body.search);
		const list = sortEntities(
			[...this.records.values()].filter(
				(m) => matches(m, query.filter, resolveMemberField) && (search?.(m) ?? true),
			),
			sort,
			resolveMemberField,
		);
		return this.page(list, query.paging, fieldsets);
	}

	private page(list: Member[], paging: unknown, fieldsets: string[]): QueryMembersResponse {
		const { limit, offset } = readPaging(paging, { limit: 50, max: 100 });
		const slice = list.slice(offset, offset + limit).map((m) => projectMember(m, fieldsets));
		return {
			members: slice,
			metadata: { count: slice.length, offset, total: list.length, tooManyToCount: false },
		};
	}
}

/** Free-text search: a case-insensitive substring of any named field (`profile.nickname` by default). */
function readSearch(search: unknown): ((m: Member) => boolean) | undefined {
	if (typeof search !== 'object' || search === null) return undefined;
	const { expression, fields } = search as { expression?: unknown; fields?: unknown };
	if (expression === undefined || expression === null || expression === '') return undefined;
	if (typeof expression !== 'string' || expression.length > 100)
		throw appError(400, 'INVALID_ARGUMENT', 'search.expression must be 1 to 100 characters');
	const names = asArray(fields);
	if (names.length > 4) throw appError(400, 'INVALID_ARGUMENT', 'search.fields takes at most 4');
	for (const name of names) {
		if (!SEARCH_FIELDS[name])
			throw appError(400, 'INVALID_ARGUMENT', `search.fields: ${name} is not searchable`);
	}
	const getters = (names.length ? names : ['profile.nickname']).map((n) => SEARCH_FIELDS[n]);
	const needle = expression.toLowerCase();
	return (m) =>
		getters.some((get) => {
			const value = get(m);
			return typeof value === 'string' && value.toLowerCase().includes(needle);
		});
}

/** What the member triggers send [INFER]: who the member is, and the status after the change. */
function memberPayload(member: Member) {
	return {
		memberId: member.id,
		contactId: member.contactId,
		email: member.loginEmail,
		status: member.status,
		nickname: member.profile?.nickname ?? null,
	};
}

export function membersState(): MembersState {
	return { members: new MembersStore() };
}
