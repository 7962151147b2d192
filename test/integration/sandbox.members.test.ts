/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Members and Badges v3 in the sandbox over HTTP (wix-api.md E.1–E.2 and the SDK types): fieldsets,
// sign-ups, query and search by login email, get by contact ID; badges with their assignments and
// events; and the email-subscription query the milestone template needs (E.3).
import { admin, useTestSandbox, wix } from '../helpers/sandbox';
import { signedEvents, useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const receiver = useWebhookReceiver();
const MEMBERS = '/members/v1/members';
const BADGES = '/members/v3/badges';

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function fails(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	return {
		status,
		code: result.details?.applicationError?.code as string | undefined,
		field: result.details?.validationError?.fieldViolations?.[0]?.field as string | undefined,
		message: result.message as string,
	};
}

async function contact(first: string, email = `${first.toLowerCase()}@example.com`) {
	return (
		await ok('POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		})
	).contact;
}

async function member(first: string) {
	const c = await contact(first);
	return (await admin(sandbox, 'POST', '/members', { contactId: c.id })).member;
}

describe('members', () => {
	it('hides loginEmail unless EXTENDED or FULL is asked for; FULL adds the contact', async () => {
		const m = await member('Ada');
		const query = (fieldsets?: unknown) =>
			ok('POST', `${MEMBERS}/query`, {
				query: { filter: { loginEmail: 'ada@example.com' } },
				...(fieldsets ? { fieldsets } : {}),
			});
		const pub = (await query()).members;
		expect(pub).toHaveLength(1);
		expect(pub[0]).toMatchObject({ id: m.id, contactId: m.contactId, status: 'UNKNOWN' });
		expect(pub[0].loginEmail).toBeUndefined();
		expect(pub[0].contact).toBeUndefined();
		const extended = (await query(['EXTENDED'])).members[0];
		expect(extended).toMatchObject({ loginEmail: 'ada@example.com', status: 'APPROVED' });
		expect(extended.contact).toBeUndefined();
		const full = (await query(['FULL'])).members[0];
		expect(full).toMatchObject({
			loginEmail: 'ada@example.com',
			contact: { firstName: 'Ada', lastName: 'Test' },
		});
		// REST-DOCS examples send one string.
		expect((await query('FULL')).members[0].loginEmail).toBe('ada@example.com');
		expect(await fails('POST', `${MEMBERS}/query`, { fieldsets: ['ALL'] })).toMatchObject({
			status: 400,
		});
		const { metadata } = await query(['FULL']);
		expect(metadata).toEqual({ count: 1, offset: 0, total: 1, tooManyToCount: false });
	});

	it('signs up by contact ID or by email (the contact found or created), once per contact', async () => {
		const c = await contact('Ada');
		const first = (await admin(sandbox, 'POST', '/members', { contactId: c.id })).member;
		const again = (await admin(sandbox, 'POST', '/members', { email: 'ADA@example.com' })).member;
		expect(again.id).toBe(first.id);
		const created = (
			await admin(sandbox, 'POST', '/members', { email: 'new@example.com', firstName: 'New' })
		).member;
		expect(created).toMatchObject({ loginEmail: 'new@example.com', status: 'APPROVED' });
		const contactOfNew = (await ok('GET', `/contacts/v4/contacts/${created.contactId}`)).contact;
		expect(contactOfNew.primaryInfo.email).toBe('new@example.com');
		const state = await admin(sandbox, 'GET', '/state');
		expect(state.memberContactIds.sort()).toEqual([c.id, created.contactId].sort());
	});

	it('searches by login email and name, gets by ID and by contact ID, lists with paging', async () => {
		const ada = await member('Ada');
		const bob = await member('Bob');
		await contact('Cy');
		const search = async (expression: string, fields?: string[]) =>
			(
				await ok('POST', `${MEMBERS}/query`, {
					fieldsets: ['FULL'],
					search: { expression, ...(fields ? { fields } : {}) },
				})
			).members.map((m: any) => m.id);
		expect(await search('bob@', ['loginEmail'])).toEqual([bob.id]);
		expect(await search('ada')).toEqual([ada.id]);
		expect(await search('test', ['contact.lastName'])).toHaveLength(2);
		expect(
			await fails('POST', `${MEMBERS}/query`, { search: { expression: 'x', fields: ['id'] } }),
		).toMatchObject({ status: 400 });
		const byContact = await ok('POST', `${MEMBERS}/query`, {
			query: { filter: { contactId: bob.contactId } },
			fieldsets: ['FULL'],
		});
		expect(byContact.members.map((m: any) => m.id)).toEqual([bob.id]);
		const starts = await ok('POST', `${MEMBERS}/query`, {
			query: { filter: { loginEmail: { $startsWith: 'AD' } } },
		});
		expect(starts.members.map((m: any) => m.id)).toEqual([ada.id]);
		expect((await ok('GET', `${MEMBERS}/${ada.id}?fieldsets=FULL`)).member).toMatchObject({
			id: ada.id,
			loginEmail: 'ada@example.com',
		});
		expect((await ok('GET', `${MEMBERS}/${ada.id}`)).member.loginEmail).toBeUndefined();
		expect(await fails('GET', `${MEMBERS}/nope`)).toMatchObject({
			status: 404,
			code: 'MEMBER_NOT_FOUND',
		});
		const page = await ok('GET', `${MEMBERS}?paging.limit=1&paging.offset=1&fieldsets=FULL`);
		expect(page.members).toHaveLength(1);
		expect(page.metadata).toMatchObject({ count: 1, offset: 1, total: 2 });
		expect(
			await fails('POST', `${MEMBERS}/query`, { query: { paging: { limit: 101 } } }),
		).toMatchObject({ status: 400, code: 'ILLEGAL_LIMIT' });
	});

	it('one source of truth: a member set through the role call has a Member record too', async () => {
		const c = await contact('Ada');
		await admin(sandbox, 'POST', `/contacts/${c.id}/role`, { member: true });
		const found = await ok('POST', `${MEMBERS}/query`, { query: { filter: { contactId: c.id } } });
		expect(found.members).toHaveLength(1);
		await admin(sandbox, 'POST', `/contacts/${c.id}/role`, { member: false });
		expect(
			(await ok('POST', `${MEMBERS}/query`, { query: { filter: { contactId: c.id } } })).members,
		).toHaveLength(0);
	});
});

describe('badges', () => {
	beforeEach(async () => {
		await admin(sandbox, 'DELETE', '/webhooks');
		await admin(sandbox, 'POST', '/webhooks', { url: receiver.url, contentType: 'text/plain' });
	});
	afterAll(async () => {
		await admin(sandbox, 'DELETE', '/webhooks');
	});

	const create = async (title: string, extra: Record<string, unknown> = {}) =>
		(await ok('POST', BADGES, { badge: { title, ...extra } })).badge;

	it('creates with defaults and a slug, lists, gets, updates (slug follows) and deletes', async () => {
		const badge = await create('Awesome Badge', { description: 'Top', textColor: '#c81b53' });
		expect(badge).toMatchObject({
			id: expect.any(String),
			title: 'Awesome Badge',
			description: 'Top',
			slug: 'awesome-badge',
			backgroundColor: '#796EFF',
			textColor: '#C81B53',
			permissionsEnabled: false,
			createdDate: expect.any(String),
		});
		await create('Second');
		const listed = await ok('GET', `${BADGES}?paging.limit=1`);
		expect(listed.badges.map((b: any) => b.id)).toEqual([badge.id]);
		expect(listed.metadata).toEqual({ count: 1, offset: 0, total: 2, tooManyToCount: false });
		expect((await ok('GET', `${BADGES}/${badge.id}`)).badge).toEqual(badge);
		const updated = (
			await ok('PATCH', `${BADGES}/${badge.id}`, { badge: { title: 'Milestone 1000' } })
		).badge;
		expect(updated).toMatchObject({
			title: 'Milestone 1000',
			slug: 'milestone-1000',
			description: 'Top',
		});
		expect(await ok('DELETE', `${BADGES}/${badge.id}`)).toEqual({});
		expect((await ok('GET', BADGES)).badges).toHaveLength(1);
	});

	it('refuses a missing title, a bad color, a taken title; an unknown badge is not found', async () => {
		await create('VIP');
		expect(await fails('POST', BADGES, { badge: {} })).toMatchObject({
			status: 400,
			field: 'badge.title',
		});
		expect(await fails('POST', BADGES, {})).toMatchObject({ status: 400, field: 'badge' });
		expect(
			await fails('POST', BADGES, { badge: { title: 'X', backgroundColor: 'red' } }),
		).toMatchObject({ status: 400, field: 'badge.backgroundColor' });
		expect(await fails('POST', BADGES, { badge: { title: 'vip' } })).toMatchObject({
			status: 409,
			code: 'BADGE_TITLE_ALREADY_EXISTS',
		});
		const m = await member('Ada');
		for (const [method, path, body] of [
			['GET', `${BADGES}/nope`],
			['PATCH', `${BADGES}/nope`, { badge: { title: 'Y' } }],
			['DELETE', `${BADGES}/nope`],
			['POST', `${BADGES}/nope/members`, { memberIds: [m.id] }],
			['DELETE', `${BADGES}/nope/members?memberIds=${m.id}`],
			['GET', `${BADGES}/nope/members`],
		] as const)
			expect(await fails(method, path, body)).toMatchObject({
				status: 404,
				code: 'BADGE_NOT_FOUND',
			});
	});

	it('assigns to members and unassigns, with signed events; lists members of a badge and badges of members', async () => {
		const badge = await create('Milestone');
		const vip = await create('VIP');
		const ada = await member('Ada');
		const bob = await member('Bob');
		receiver.received.length = 0;
		expect(
			await ok('POST', `${BADGES}/${badge.id}/members`, { memberIds: [ada.id, bob.id] }),
		).toEqual({ memberIds: [ada.id, bob.id] });
		// Assigning again: the same answer, no second event.
		expect(await ok('POST', `${BADGES}/${badge.id}/members`, { memberIds: [ada.id] })).toEqual({
			memberIds: [ada.id],
		});
		await ok('POST', `${BADGES}/${vip.id}/members`, { memberIds: [ada.id] });
		const members = await ok('GET', `${BADGES}/${badge.id}/members`);
		expect(members).toEqual({
			memberIds: [ada.id, bob.id],
			metadata: { count: 2, offset: 0, total: 2, tooManyToCount: false },
		});
		const perMember = await ok('POST', `${BADGES}/members`, { memberIds: [ada.id, bob.id] });
		expect(perMember.memberBadgeIds).toEqual([
			{ memberId: ada.id, badgeIds: [badge.id, vip.id] },
			{ memberId: bob.id, badgeIds: [badge.id] },
		]);
		expect((await ok('GET', `${BADGES}/members/count`)).badgeMemberCounts).toEqual([
			{ badgeId: badge.id, memberCount: 2 },
			{ badgeId: vip.id, memberCount: 1 },
		]);
		expect(
			await ok('DELETE', `${BADGES}/${badge.id}/members?memberIds=${bob.id}&memberIds=${ada.id}`),
		).toEqual({});
		expect(await ok('DELETE', `${BADGES}/${badge.id}/members?memberIds=${bob.id}`)).toEqual({});
		expect((await ok('GET', `${BADGES}/${badge.id}/members`)).memberIds).toEqual([]);
		await sandbox.settleWebhooks();
		const events = signedEvents(receiver.received, sandbox.creds.publicKey).filter((e) =>
			e.eventType.startsWith('wix.badges'),
		);
		expect(
			events.map((e) => [e.eventType, e.event.entityId, e.event.actionEvent.body.memberId]),
		).toEqual([
			['wix.badges.v3.badge_badge_assigned', badge.id, ada.id],
			['wix.badges.v3.badge_badge_assigned', badge.id, bob.id],
			['wix.badges.v3.badge_badge_assigned', vip.id, ada.id],
			['wix.badges.v3.badge_badge_unassigned', badge.id, bob.id],
			['wix.badges.v3.badge_badge_unassigned', badge.id, ada.id],
		]);
		expect(events[0].event).toMatchObject({
			entityFqdn: 'wix.badges.v3.badge',
			slug: 'badge_assigned',
		});
	});

	it('refuses a contact that is not a member and an unknown member, assigning nobody', async () => {
		const badge = await create('Milestone');
		const ada = await member('Ada');
		const notMember = await contact('Bob');
		const refused = await fails('POST', `${BADGES}/${badge.id}/members`, {
			memberIds: [ada.id, notMember.id],
		});
		expect(refused).toMatchObject({ status: 404, code: 'MEMBER_NOT_FOUND' });
		expect(refused.message).toContain(
			`${notMember.id} is the ID of a contact that is not a site member`,
		);
		expect(
			await fails('POST', `${BADGES}/${badge.id}/members`, { memberIds: ['nobody'] }),
		).toMatchObject({ status: 404, code: 'MEMBER_NOT_FOUND', message: 'Member nobody not found' });
		expect(await fails('POST', `${BADGES}/${badge.id}/members`, { memberIds: [] })).toMatchObject({
			status: 400,
			field: 'memberIds',
		});
		expect((await ok('GET', `${BADGES}/${badge.id}/members`)).memberIds).toEqual([]);
		const admins = await admin(sandbox, 'GET', '/badges');
		expect(admins.badges[0]).toMatchObject({ id: badge.id, memberIds: [] });
	});
});

describe('email subscriptions for the milestone', () => {
	it('answers which of a list of emails are SUBSCRIBED', async () => {
		await ok('POST', '/email-marketing/v1/email-subscriptions/bulk', {
			subscriptions: [
				{ email: 'ada@example.com', subscriptionStatus: 'SUBSCRIBED' },
				{ email: 'bob@example.com', subscriptionStatus: 'UNSUBSCRIBED' },
			],
		});
		const { subscriptions, metadata } = await ok(
			'POST',
			'/email-marketing/v1/email-subscriptions/query',
			{ filter: { email: { $in: ['ADA@example.com', 'bob@example.com', 'cy@example.com'] } } },
		);
		expect(subscriptions.map((s: any) => [s.email, s.subscriptionStatus])).toEqual([
			['ada@example.com', 'SUBSCRIBED'],
			['bob@example.com', 'UNSUBSCRIBED'],
		]);
		expect(metadata.total).toBe(2);
	});
});
