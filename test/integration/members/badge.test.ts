/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Members → Badge (Badges v3, the version @wix/members ships as `badges`): Create, Get, Get Many,
// Update, Delete, Assign, Unassign, Get Members With Badge, run in-process against the sandbox.
import { useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes, rl } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runMembers: run, contact, member, ok } = loyaltyNodes(sandbox);

const badge = async (title: string) =>
	(await ok('POST', '/members/v3/badges', { badge: { title } })).badge;

describe('Badge', () => {
	it('creates a badge with upper-case colors, gets, renames and deletes it', async () => {
		const created = await run({
			resource: 'badge',
			operation: 'create',
			title: '1,000 Points Club',
			additionalFields: { backgroundColor: '#c81b53', description: 'Reached 1,000 points' },
		});
		const b = created.output[0].json;
		expect(b).toMatchObject({ title: '1,000 Points Club', backgroundColor: '#C81B53' });
		const got = await run({ resource: 'badge', operation: 'get', badgeId: rl(String(b.id)) });
		expect(got.output[0].json.id).toBe(b.id);
		const updated = await run({
			resource: 'badge',
			operation: 'update',
			badgeId: rl(String(b.id)),
			updateFields: { title: 'Thousand Club' },
		});
		expect(updated.output[0].json).toMatchObject({ id: b.id, title: 'Thousand Club' });
		const deleted = await run({
			resource: 'badge',
			operation: 'delete',
			badgeId: rl(String(b.id)),
		});
		expect(deleted.output[0].json).toEqual({ deleted: true, badgeId: b.id });
	});

	it('refuses a color that is not hex, before any request', async () => {
		const { output, requests } = await run(
			{
				resource: 'badge',
				operation: 'create',
				title: 'X',
				additionalFields: { textColor: 'red' },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/hex color.*item 0, field "Text Color"/);
		expect(requests).toHaveLength(0);
	});

	it('lists badges, with a limit and by title', async () => {
		await badge('Gold');
		await badge('Silver');
		await badge('Golden Oldie');
		const all = await run({ resource: 'badge', operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(3);
		const gold = await run({
			resource: 'badge',
			operation: 'getAll',
			returnAll: true,
			options: { title: 'gold' },
		});
		expect(gold.output.map((o) => o.json.title).sort()).toEqual(['Gold', 'Golden Oldie']);
		const one = await run({ resource: 'badge', operation: 'getAll', limit: 1 });
		expect(one.output).toHaveLength(1);
	});

	it('names an unknown badge with Wix’s code', async () => {
		const m = await member(await contact('Ada', 'ada@example.com'));
		const { output } = await run(
			{
				resource: 'badge',
				operation: 'assign',
				badgeId: rl('00000000-0000-4000-8000-000000000000'),
				memberIds: m.id,
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BADGE_NOT_FOUND', httpCode: '404' });
		expect(output[0].json.error).toMatch(/item 0, field "Badge"/);
		expect(output[0].json.description).toMatch(/no badge has this ID/);
	});

	it('assigns by member ID and by contact ID (members looked up in one batch); a contact that is no member fails its item', async () => {
		const b = await badge('Milestone');
		const ada = await contact('Ada', 'ada@example.com');
		const bo = await contact('Bo', 'bo@example.com');
		const adaMember = await member(ada);
		const boMember = await member(bo);
		const visitor = await contact('Cy');
		const byMember = await run({
			resource: 'badge',
			operation: 'assign',
			badgeId: rl(b.id),
			memberIds: [adaMember.id],
		});
		expect(byMember.output[0].json).toMatchObject({
			badgeId: b.id,
			memberIds: [adaMember.id],
			assigned: true,
		});
		const byContact = await run(
			{
				resource: 'badge',
				operation: 'assign',
				badgeId: rl(b.id),
				identifyBy: 'contactId',
				contactIds: (_: number, item: any) => item.contactId,
			},
			{ items: [{ contactId: bo }, { contactId: visitor }], continueOnFail: true },
		);
		expect(byContact.output[0].json).toMatchObject({ memberIds: [boMember.id], contactIds: [bo] });
		expect(byContact.output[1].json).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
		expect(byContact.output[1].json.error).toMatch(
			/not a site member.*item 1, field "Contact IDs"/,
		);
		expect(
			byContact.requests.filter((r) => r.url.endsWith('/members/v1/members/query')),
		).toHaveLength(1);
		expect(
			byContact.requests.filter((r) => r.url.endsWith(`/badges/${b.id}/members`)),
		).toHaveLength(1);
		// Assigning again changes nothing.
		await run({
			resource: 'badge',
			operation: 'assign',
			badgeId: rl(b.id),
			memberIds: adaMember.id,
		});

		const withBadge = await run({
			resource: 'badge',
			operation: 'getMembers',
			badgeId: rl(b.id),
			returnAll: true,
		});
		expect(withBadge.output.map((o) => o.json.memberId).sort()).toEqual(
			[adaMember.id, boMember.id].sort(),
		);
		expect(withBadge.output.map((o) => o.json.loginEmail).sort()).toEqual([
			'ada@example.com',
			'bo@example.com',
		]);

		const unassigned = await run({
			resource: 'badge',
			operation: 'unassign',
			badgeId: rl(b.id),
			identifyBy: 'contactId',
			contactIds: `${ada}, ${visitor}`,
		});
		expect(unassigned.output[0].json).toMatchObject({
			memberIds: [adaMember.id],
			unassigned: true,
		});
		const left = await run({
			resource: 'badge',
			operation: 'getMembers',
			badgeId: rl(b.id),
			returnAll: true,
			includeMembers: false,
		});
		expect(left.output.map((o) => o.json)).toEqual([{ badgeId: b.id, memberId: boMember.id }]);
	});

	it('names an unknown member ID before writing anything', async () => {
		const b = await badge('Milestone');
		const { output, requests } = await run(
			{
				resource: 'badge',
				operation: 'assign',
				badgeId: rl(b.id),
				memberIds: '00000000-0000-4000-8000-000000000000',
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
		expect(output[0].json.error).toMatch(/item 0, field "Member IDs"/);
		expect(requests.filter((r) => r.url.includes('/members/v3/badges'))).toHaveLength(0);
	});
});
