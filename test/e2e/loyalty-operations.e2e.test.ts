/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Every resource of the Wix Loyalty and Wix Members nodes in a real n8n: one imported workflow per
// node chains the operations a user would combine (with Continue On Fail steps that must fail
// alone), executed by n8n's CLI; then the sandbox's state is checked.
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, manualWorkflow, nodeOutput } from './fixtures';

const { sandbox, n8n } = e2e();

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

/** A Wix Loyalty or Wix Members node with the sandbox API key, run once whatever it receives. */
function wixNode(
	node: 'wixLoyalty' | 'wixMembers',
	name: string,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: `n8n-nodes-wix-crm.${node}`,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		executeOnce: true,
		...extra,
	};
}

const continueOnFail = { onError: 'continueRegularOutput' };
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** The nodes as one chain after the Manual Trigger. */
function chainWorkflow(name: string, chain: Array<{ name: string }>) {
	const connections: Record<string, string[]> = { Start: [chain[0].name] };
	chain.forEach((n, k) => {
		if (chain[k + 1]) connections[n.name] = [chain[k + 1].name];
	});
	return manualWorkflow(name, chain, connections);
}

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

test('Wix Loyalty: program, accounts, points, transactions and tiers, with Continue On Fail steps', async () => {
	for (const [name, requiredPoints] of [
		['Gold', 1000],
		['Silver', 500],
	] as const)
		await ok('POST', '/loyalty-tiers/v1/tiers', {
			tier: { tierDefinition: { name }, requiredPoints },
		});
	const L = (name: string, parameters: Record<string, unknown>, extra = {}) =>
		wixNode('wixLoyalty', name, parameters, extra);
	const account = "={{ $('Create by Email').first().json.id }}";
	const chain = [
		L('Program', { resource: 'program', operation: 'get' }),
		L('Customise', {
			resource: 'program',
			operation: 'update',
			updateFields: { name: 'E2E Rewards', pointName: 'Gems' },
		}),
		L(
			'Create While Draft',
			{ resource: 'account', operation: 'create', customerBy: 'email', email: 'early@e2e.test' },
			continueOnFail,
		),
		L('Activate', { resource: 'program', operation: 'activate' }),
		L('Pause', { resource: 'program', operation: 'pause' }),
		L('Activate Again', { resource: 'program', operation: 'activate' }),
		L('Create by Email', {
			resource: 'account',
			operation: 'create',
			customerBy: 'email',
			email: 'Ada@E2E.test',
			firstName: 'Ada',
			lastName: 'Lovelace',
		}),
		L('Create Again', {
			resource: 'account',
			operation: 'create',
			customerBy: 'email',
			email: 'ada@e2e.test',
			options: { ifExists: 'returnExisting' },
		}),
		L('Get by Contact Email', {
			resource: 'account',
			operation: 'get',
			findBy: 'contact',
			contactId: rl('ada@e2e.test', 'email'),
		}),
		L('Set Balance', {
			resource: 'account',
			operation: 'adjustPoints',
			accountId: rl(account),
			adjustment: 'set',
			points: 500,
			options: { description: 'Opening balance' },
		}),
		L('Earn', {
			resource: 'account',
			operation: 'earnPoints',
			accountId: rl(account),
			points: 25,
			options: { idempotencyKey: 'order-1001' },
		}),
		L('Earn Retried', {
			resource: 'account',
			operation: 'earnPoints',
			accountId: rl(account),
			points: 25,
			options: { idempotencyKey: 'order-1001' },
		}),
		L(
			'Subtract Too Much',
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: rl(account),
				adjustment: 'subtract',
				points: 9999,
			},
			continueOnFail,
		),
		L(
			'Half a Point',
			{
				resource: 'account',
				operation: 'adjustPoints',
				accountId: rl(account),
				adjustment: 'add',
				points: 2.5,
			},
			continueOnFail,
		),
		L('Transactions', {
			resource: 'account',
			operation: 'getTransactions',
			accountId: rl(account),
			returnAll: true,
		}),
		L('From 500', {
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { minBalance: 500, maxBalance: 999 },
		}),
		L('Tiers', { resource: 'tier', operation: 'getAll' }),
	];
	const { id, body } = chainWorkflow('All loyalty operations', chain);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	expect(nodeOutput(run, 'Program')[0]).toMatchObject({ status: 'DRAFT', active: false });
	expect(nodeOutput(run, 'Customise')[0]).toMatchObject({
		status: 'DRAFT',
		name: 'E2E Rewards',
		pointDefinition: { customName: 'Gems' },
	});
	const draft = nodeOutput(run, 'Create While Draft')[0];
	expect(draft.code).toBe('PROGRAM_NOT_ACTIVE');
	expect(`${draft.error} ${draft.description}`).toMatch(/activate/i);
	expect(nodeOutput(run, 'Activate')[0]).toMatchObject({ status: 'ACTIVE', active: true });
	expect(nodeOutput(run, 'Pause')[0]).toMatchObject({ status: 'PAUSED', active: false });
	expect(nodeOutput(run, 'Activate Again')[0]).toMatchObject({ status: 'ACTIVE' });
	const created = nodeOutput(run, 'Create by Email')[0];
	expect(created).toMatchObject({ created: true, contactCreated: true, revision: '1' });
	expect(nodeOutput(run, 'Create Again')[0]).toMatchObject({ id: created.id, created: false });
	expect(nodeOutput(run, 'Get by Contact Email')[0]).toMatchObject({
		id: created.id,
		contact: { email: 'ada@e2e.test', name: 'Ada Lovelace' },
	});
	expect(nodeOutput(run, 'Set Balance')[0]).toMatchObject({
		changed: true,
		points: { balance: 500 },
	});
	const earned = nodeOutput(run, 'Earn')[0];
	expect(earned).toMatchObject({ points: { balance: 525 }, idempotencyKey: 'order-1001' });
	expect(nodeOutput(run, 'Earn Retried')[0]).toMatchObject({
		points: { balance: 525 },
		transactionId: earned.transactionId,
	});
	expect(nodeOutput(run, 'Subtract Too Much')[0]).toMatchObject({ code: 'NEGATIVE_BALANCE' });
	expect(nodeOutput(run, 'Half a Point')[0]).toMatchObject({ code: 'INVALID_ARGUMENT' });
	expect(nodeOutput(run, 'Half a Point')[0].error).toContain('Points');
	const transactions = nodeOutput(run, 'Transactions');
	expect(transactions.map((t) => t.transactionType)).toEqual(['EARN', 'ADJUST']);
	expect(transactions[1].adjustInfo).toMatchObject({ amountBefore: 0, amountAfter: 500 });
	expect(nodeOutput(run, 'From 500').map((a) => a.id)).toEqual([created.id]);
	expect(nodeOutput(run, 'Tiers').map((t) => [t.tierDefinition.name, t.requiredPoints])).toEqual([
		['Silver', 500],
		['Gold', 1000],
	]);

	const { program, accounts } = await admin(sandbox, 'GET', '/loyalty');
	expect(program).toMatchObject({ status: 'ACTIVE', name: 'E2E Rewards' });
	expect(accounts).toHaveLength(1);
	expect(accounts[0].points).toMatchObject({ balance: 525, earned: 25, adjusted: 500 });
	// Create While Draft read the program first and made no contact for an account Wix would refuse.
	expect(
		((await admin(sandbox, 'GET', '/state')).contacts as any[])
			.map((c) => c.primaryInfo.email)
			.sort(),
	).toEqual(['ada@e2e.test']);
});

test('Wix Members: members by email, ID and contact; badges created, assigned, listed, unassigned and deleted, with Continue On Fail steps', async () => {
	const contact = async (email: string, first: string) =>
		(
			await ok('POST', '/contacts/v4/contacts', {
				info: { name: { first }, emails: { items: [{ email }] } },
			})
		).contact;
	const ada = await contact('ada@e2e.test', 'Ada');
	const visitor = await contact('visitor@e2e.test', 'Visitor');
	const member = (await admin(sandbox, 'POST', '/members', { contactId: ada.id })).member;

	const M = (name: string, parameters: Record<string, unknown>, extra = {}) =>
		wixNode('wixMembers', name, parameters, extra);
	const badge = "={{ $('Create Badge').first().json.id }}";
	const chain = [
		M('By Login Email', {
			resource: 'member',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { loginEmail: 'ADA@e2e.test' },
		}),
		M('Get Member', { resource: 'member', operation: 'get', memberId: rl('={{ $json.id }}') }),
		M('By Contact', {
			resource: 'member',
			operation: 'getByContactId',
			contactId: rl(ada.id),
		}),
		M(
			'Visitor Is No Member',
			{ resource: 'member', operation: 'getByContactId', contactId: rl(visitor.id) },
			continueOnFail,
		),
		M('Create Badge', {
			resource: 'badge',
			operation: 'create',
			title: 'Gold Star',
			additionalFields: { backgroundColor: '#ffcc00', description: 'For the best' },
		}),
		M('Get Badge', { resource: 'badge', operation: 'get', badgeId: rl(badge) }),
		M('Rename Badge', {
			resource: 'badge',
			operation: 'update',
			badgeId: rl(badge),
			updateFields: { title: 'Golden Star' },
		}),
		M('Find Badge', {
			resource: 'badge',
			operation: 'getAll',
			returnAll: true,
			options: { title: 'golden' },
		}),
		M('Assign', {
			resource: 'badge',
			operation: 'assign',
			badgeId: rl(badge),
			identifyBy: 'contactId',
			contactIds: ada.id,
		}),
		M(
			'Assign Visitor',
			{
				resource: 'badge',
				operation: 'assign',
				badgeId: rl(badge),
				identifyBy: 'contactId',
				contactIds: visitor.id,
			},
			continueOnFail,
		),
		M('Holders', { resource: 'badge', operation: 'getMembers', badgeId: rl(badge) }),
		M('Unassign', {
			resource: 'badge',
			operation: 'unassign',
			badgeId: rl(badge),
			identifyBy: 'memberId',
			memberIds: member.id,
		}),
		M(
			'Holders After',
			{
				resource: 'badge',
				operation: 'getMembers',
				badgeId: rl(badge),
				includeMembers: false,
			},
			// No holders: one empty item, so the chain goes on.
			{ alwaysOutputData: true },
		),
		M('Delete Badge', { resource: 'badge', operation: 'delete', badgeId: rl(badge) }),
		M(
			'Get Deleted Badge',
			{ resource: 'badge', operation: 'get', badgeId: rl(badge) },
			continueOnFail,
		),
	];
	const { id, body } = chainWorkflow('All members operations', chain);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	expect(nodeOutput(run, 'By Login Email')).toEqual([
		expect.objectContaining({ id: member.id, loginEmail: 'ada@e2e.test', contactId: ada.id }),
	]);
	expect(nodeOutput(run, 'Get Member')[0]).toMatchObject({
		id: member.id,
		loginEmail: 'ada@e2e.test',
	});
	expect(nodeOutput(run, 'By Contact')[0]).toMatchObject({ id: member.id, contactId: ada.id });
	expect(nodeOutput(run, 'Visitor Is No Member')[0]).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
	const created = nodeOutput(run, 'Create Badge')[0];
	expect(created).toMatchObject({
		title: 'Gold Star',
		backgroundColor: '#FFCC00',
		slug: 'gold-star',
	});
	expect(nodeOutput(run, 'Get Badge')[0]).toMatchObject({ id: created.id });
	expect(nodeOutput(run, 'Rename Badge')[0]).toMatchObject({
		id: created.id,
		title: 'Golden Star',
	});
	expect(nodeOutput(run, 'Find Badge').map((b) => b.id)).toEqual([created.id]);
	expect(nodeOutput(run, 'Assign')[0]).toMatchObject({
		badgeId: created.id,
		memberIds: [member.id],
		assigned: true,
	});
	const refused = nodeOutput(run, 'Assign Visitor')[0];
	expect(refused.code).toBe('MEMBER_NOT_FOUND');
	expect(refused.error).toContain(visitor.id);
	expect(nodeOutput(run, 'Holders')).toEqual([
		expect.objectContaining({ id: member.id, loginEmail: 'ada@e2e.test' }),
	]);
	expect(nodeOutput(run, 'Unassign')[0]).toMatchObject({ unassigned: true });
	expect(nodeOutput(run, 'Holders After')).toEqual([{}]);
	expect(nodeOutput(run, 'Delete Badge')[0]).toMatchObject({ deleted: true, badgeId: created.id });
	expect(nodeOutput(run, 'Get Deleted Badge')[0]).toMatchObject({ code: 'BADGE_NOT_FOUND' });

	expect((await admin(sandbox, 'GET', '/badges')).badges).toEqual([]);
});
