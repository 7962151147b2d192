/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Wix Loyalty → Account: Create (by contact, member or email), Get, Get Many, with the errors a
// user can meet, run in-process against the sandbox over HTTP.
import { useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes, rl } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runLoyalty: run, activate, contact, account, member, earn, ok } = loyaltyNodes(sandbox);

const accounts = async () =>
	(
		await ok('POST', '/loyalty-accounts/v1/accounts/query', {
			query: { cursorPaging: { limit: 100 } },
		})
	).loyaltyAccounts;

describe('Account → Create', () => {
	it('refuses while the program is not active, saying to activate it first', async () => {
		const id = await contact('Ada');
		const { output } = await run(
			{ resource: 'account', operation: 'create', customerBy: 'contactId', contactId: rl(id) },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/item 0, field "Contact"/);
		expect(output[0].json.code).toMatch(/NOT_ACTIVE|FAILED_PRECONDITION/);
		expect(output[0].json.description).toMatch(/activate it first/);
	});

	it('creates by contact ID, and names the contact that already has an account', async () => {
		await activate();
		const id = await contact('Ada');
		const first = await run({
			resource: 'account',
			operation: 'create',
			customerBy: 'contactId',
			contactId: rl(
				`https://manage.wix.com/dashboard/${sandbox.creds.siteId}/contacts/view/${id}`,
				'url',
			),
		});
		expect(first.output[0].json).toMatchObject({ contactId: id, created: true, revision: '1' });
		const again = await run(
			{ resource: 'account', operation: 'create', customerBy: 'contactId', contactId: rl(id) },
			{ continueOnFail: true },
		);
		expect(again.output[0].json).toMatchObject({ code: 'ALREADY_EXISTS', httpCode: '409' });
		expect(again.output[0].json.error).toMatch(/item 0, field "Contact"/);
		expect(again.output[0].json.description).toMatch(/already has a loyalty account/);
		const existing = await run({
			resource: 'account',
			operation: 'create',
			customerBy: 'contactId',
			contactId: rl(id),
			options: { ifExists: 'returnExisting' },
		});
		expect(existing.output[0].json).toMatchObject({
			id: first.output[0].json.id,
			created: false,
		});
	});

	it('creates by email for 150 customers: contacts found or created, looked up 100 at a time', async () => {
		await activate();
		const known = await Promise.all(
			Array.from({ length: 50 }, (_, k) => contact(`Known${k}`, `known${k}@example.com`)),
		);
		const emails = [
			...Array.from({ length: 50 }, (_, k) => `Known${k}@Example.com`),
			...Array.from({ length: 100 }, (_, k) => `new${k}@example.com`),
		];
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'create',
				customerBy: 'email',
				email: (_: number, item: any) => item.email,
				firstName: (_: number, item: any) => item.first,
			},
			{ items: emails.map((email, k) => ({ email, first: `P${k}` })) },
		);
		expect(output).toHaveLength(150);
		output.forEach((o, k) => expect(o.pairedItem).toEqual({ item: k }));
		expect(output.slice(0, 50).map((o) => o.json.contactId)).toEqual(known);
		expect(output.slice(0, 50).every((o) => o.json.contactCreated === false)).toBe(true);
		expect(output.slice(50).every((o) => o.json.contactCreated === true)).toBe(true);
		const lookups = requests.filter((r) => r.url.endsWith('/contacts/v4/contacts/query'));
		// Two batches of emails, plus the look-up of a mark field when contacts are created.
		expect(lookups.length).toBeLessThanOrEqual(3);
		expect(requests.filter((r) => r.url.endsWith('/loyalty-accounts/v1/accounts'))).toHaveLength(
			150,
		);
		expect(await accounts()).toHaveLength(100);
	});

	it('a second run with Return Existing sends no create: accounts are found 100 contacts per request', async () => {
		await activate();
		const items = Array.from({ length: 120 }, (_, k) => ({ email: `again${k}@example.com` }));
		const parameters = {
			resource: 'account',
			operation: 'create',
			customerBy: 'email',
			email: (_: number, item: any) => item.email,
			options: { ifExists: 'returnExisting' },
		};
		const first = await run(parameters, { items });
		expect(first.output.every((o) => o.json.created === true)).toBe(true);
		const second = await run(parameters, { items });
		expect(second.output.map((o) => [o.json.created, o.json.id])).toEqual(
			first.output.map((o) => [false, o.json.id]),
		);
		const creates = second.requests.filter(
			(r) => r.method === 'POST' && r.url.endsWith('/loyalty-accounts/v1/accounts'),
		);
		expect(creates).toHaveLength(0);
		// The program once, the emails in two batches, the accounts in two.
		expect(second.requests.length).toBeLessThanOrEqual(5);
	});

	it('makes no contact while the program is not active', async () => {
		const { output } = await run(
			{
				resource: 'account',
				operation: 'create',
				customerBy: 'email',
				email: 'newcomer@example.com',
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'PROGRAM_NOT_ACTIVE' });
		expect(output[0].json.description).toMatch(/activate it first/);
		const contacts = await ok('POST', '/contacts/v4/contacts/query', { query: {} });
		expect(contacts.contacts).toHaveLength(0);
	});

	it('creates one contact for two items with the same new email; the second item finds the account taken', async () => {
		await activate();
		const { output } = await run(
			{
				resource: 'account',
				operation: 'create',
				customerBy: 'email',
				email: (_: number, item: any) => item.email,
			},
			{
				items: [{ email: 'twin@example.com' }, { email: 'TWIN@example.com' }],
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ created: true, contactCreated: true });
		expect(output[1].json).toMatchObject({ code: 'ALREADY_EXISTS' });
		expect(output[1].json.error).toMatch(/item 1, field "Email"/);
	});

	it('fails an unknown email without Create Contact If Missing, and a bad email before any request', async () => {
		await activate();
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'create',
				customerBy: 'email',
				email: (_: number, item: any) => item.email,
				createContact: false,
			},
			{ items: [{ email: 'nobody@example.com' }, { email: 'not-an-email' }], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'CONTACT_NOT_FOUND' });
		expect(output[0].json.error).toMatch(/nobody@example.com.*item 0, field "Email"/);
		expect(output[1].json).toMatchObject({ code: 'INVALID_ARGUMENT' });
		expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/accounts'))).toHaveLength(
			0,
		);
	});

	it('creates by member ID (members looked up in one batch), and names an unknown member', async () => {
		await activate();
		const c = await contact('Mia', 'mia@example.com');
		const m = await member(c);
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'create',
				customerBy: 'memberId',
				memberId: (_: number, item: any) => rl(item.memberId),
			},
			{
				items: [{ memberId: m.id }, { memberId: '00000000-0000-4000-8000-000000000000' }],
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ contactId: c, memberId: m.id, created: true });
		expect(output[1].json).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
		expect(output[1].json.error).toMatch(/item 1, field "Member"/);
		expect(requests.filter((r) => r.url.endsWith('/members/v1/members/query'))).toHaveLength(1);
	});

	it('without Continue On Fail stops at the failing item and names it', async () => {
		await activate();
		await expect(
			run(
				{
					resource: 'account',
					operation: 'create',
					customerBy: 'contactId',
					contactId: rl('00000000-0000-4000-8000-000000000000'),
				},
				{},
			),
		).rejects.toThrow(/item 0, field "Contact"/);
	});
});

describe('Account → Get and Get Many', () => {
	it('gets an account by its ID, and names an unknown one', async () => {
		await activate();
		const a = await account('Ada');
		const { output } = await run({ resource: 'account', operation: 'get', accountId: rl(a.id) });
		expect(output[0].json).toMatchObject({ id: a.id, contactId: a.contactId });
		const missing = await run(
			{
				resource: 'account',
				operation: 'get',
				accountId: rl('00000000-0000-4000-8000-000000000000'),
			},
			{ continueOnFail: true },
		);
		expect(missing.output[0].json).toMatchObject({ httpCode: '404' });
		expect(missing.output[0].json.error).toMatch(/item 0, field "Account"/);
	});

	it('gets an account by contact (ID or email) and by member ID; names a contact without one', async () => {
		await activate();
		const a = await account('Ada', 'ada@example.com');
		const m = await member(a.contactId);
		const byContact = await run({
			resource: 'account',
			operation: 'get',
			findBy: 'contact',
			contactId: rl(a.contactId),
		});
		expect(byContact.output[0].json.id).toBe(a.id);
		const byEmail = await run({
			resource: 'account',
			operation: 'get',
			findBy: 'contact',
			contactId: rl('ada@example.com', 'email'),
		});
		expect(byEmail.output[0].json.id).toBe(a.id);
		const byMember = await run({
			resource: 'account',
			operation: 'get',
			findBy: 'member',
			memberId: rl(m.id),
		});
		expect(byMember.output[0].json).toMatchObject({ id: a.id, memberId: m.id });
		const other = await contact('Bo');
		const none = await run(
			{ resource: 'account', operation: 'get', findBy: 'contact', contactId: rl(other) },
			{ continueOnFail: true },
		);
		expect(none.output[0].json.error).toMatch(/item 0, field "Contact"/);
		expect(none.output[0].json.description).toMatch(/No loyalty account belongs to this contact/);
	});

	it('filters by tier (and the base tier) and by last activity', async () => {
		await activate();
		const gold = (
			await ok('POST', '/loyalty-tiers/v1/tiers', {
				tier: { tierDefinition: { name: 'Gold' }, requiredPoints: 500 },
			})
		).tier;
		const a = await account('Ada');
		const b = await account('Bo');
		await earn(a.id, 600);
		const inGold = await run({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { tierId: gold.id },
		});
		expect(inGold.output.map((o) => o.json.id)).toEqual([a.id]);
		const base = await run({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { tierId: 'base' },
		});
		expect(base.output.map((o) => o.json.id)).toEqual([b.id]);
		const later = await run({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { lastActivityAfter: '2999-01-01T00:00:00Z' },
		});
		expect(later.output).toHaveLength(0);
	});

	it('finds accounts with a balance between 900 and 999, and reads all by cursor', async () => {
		await activate();
		const made = [];
		for (let k = 0; k < 130; k++) made.push(await account(`P${k}`));
		await earn(made[0].id, 899);
		await earn(made[1].id, 900);
		await earn(made[2].id, 999);
		await earn(made[3].id, 1000);
		const { output, requests } = await run({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { minBalance: 900, maxBalance: 999 },
			options: { sort: 'points.balance:ASC' },
		});
		expect(output.map((o) => o.json.points)).toEqual([
			expect.objectContaining({ balance: 900 }),
			expect.objectContaining({ balance: 999 }),
		]);
		expect(requests).toHaveLength(1);
		const all = await run({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(130);
		expect(all.requests).toHaveLength(2);
		const limited = await run({ resource: 'account', operation: 'getAll', limit: 5 });
		expect(limited.output).toHaveLength(5);
	});

	it('refuses an upside-down balance range before any request', async () => {
		const { output, requests } = await run(
			{
				resource: 'account',
				operation: 'getAll',
				returnAll: true,
				filters: { minBalance: 999, maxBalance: 900 },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/At Most.*below.*item 0/);
		expect(requests).toHaveLength(0);
	});
});
