/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Members → Member: Get, Get Many / Search, Get by Contact ID, run in-process against the
// sandbox over HTTP.
import { useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes, rl } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runMembers: run, contact, member } = loyaltyNodes(sandbox);

describe('Member', () => {
	it('gets a member with the FULL fieldset (login email included), and names an unknown ID', async () => {
		const m = await member(await contact('Ada', 'ada@example.com'));
		const { output } = await run({ resource: 'member', operation: 'get', memberId: rl(m.id) });
		expect(output[0].json).toMatchObject({ id: m.id, loginEmail: 'ada@example.com' });
		const publicOnly = await run({
			resource: 'member',
			operation: 'get',
			memberId: rl(m.id),
			fieldset: 'PUBLIC',
		});
		expect(publicOnly.output[0].json.loginEmail).toBeUndefined();
		const missing = await run(
			{
				resource: 'member',
				operation: 'get',
				memberId: rl('00000000-0000-4000-8000-000000000000'),
			},
			{ continueOnFail: true },
		);
		expect(missing.output[0].json).toMatchObject({ httpCode: '404' });
		expect(missing.output[0].json.error).toMatch(/item 0, field "Member"/);
	});

	it('finds a member by login email, asking for FULL so Wix shows and filters loginEmail', async () => {
		await member(await contact('Ada', 'ada@example.com'));
		await member(await contact('Bo', 'bo@example.com'));
		const { output, requests } = await run({
			resource: 'member',
			operation: 'getAll',
			returnAll: true,
			filters: { loginEmail: ' Bo@Example.com ' },
			fieldset: 'PUBLIC',
		});
		expect(output.map((o) => o.json.loginEmail)).toEqual(['bo@example.com']);
		expect(requests[0].body).toMatchObject({
			query: { filter: { loginEmail: 'bo@example.com' } },
			fieldsets: ['FULL'],
		});
	});

	it('lists and searches members, and pages by offset', async () => {
		for (let k = 0; k < 105; k++) await member(await contact(`P${k}`, `p${k}@example.com`));
		const all = await run({ resource: 'member', operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(105);
		expect(all.requests).toHaveLength(2);
		const limited = await run({ resource: 'member', operation: 'getAll', limit: 3 });
		expect(limited.output).toHaveLength(3);
		const searched = await run({
			resource: 'member',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'p104@' },
		});
		expect(searched.output.map((o) => o.json.loginEmail)).toEqual(['p104@example.com']);
	});

	it('gets the member of each contact in one batch; a contact that is not a member fails its item', async () => {
		const a = await contact('Ada', 'ada@example.com');
		const m = await member(a);
		const b = await contact('Bo');
		const { output, requests } = await run(
			{
				resource: 'member',
				operation: 'getByContactId',
				contactId: (_: number, item: any) => rl(item.contactId),
			},
			{ items: [{ contactId: a }, { contactId: b }], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ id: m.id, contactId: a });
		expect(output[1].json).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
		expect(output[1].json.error).toMatch(/is not a site member.*item 1, field "Contact"/);
		expect(requests).toHaveLength(1);
	});
});
