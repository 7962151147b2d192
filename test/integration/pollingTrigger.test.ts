/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Polling Trigger against the sandbox: first runs, the cursor across polls, shared
// timestamps across page boundaries, updates during a poll, and manual "fetch test event".
import type { IDataObject } from 'n8n-workflow';

import { WixContacts } from '../../nodes/Wix/Contacts/WixContacts.node';
import { WixPollingTrigger } from '../../nodes/Wix/PollingTrigger/WixPollingTrigger.node';
import { runNode, runPoll } from '../helpers/executeContext';
import { admin, apiKeyCredentials, loyaltyKit, useTestSandbox, wix } from '../helpers/sandbox';

const node = new WixPollingTrigger();
const sandbox = useTestSandbox();

const poll = (
	staticData: IDataObject,
	parameters: Record<string, unknown>,
	mode: 'trigger' | 'manual' = 'trigger',
) =>
	runPoll({
		node,
		parameters: { options: { settleSeconds: 0 }, ...parameters },
		credentials: apiKeyCredentials(sandbox),
		staticData,
		mode,
	});
const create = async (first: string) =>
	(await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first } } })).body.contact;
const names = (items: IDataObject[] | null) => (items ?? []).map((c: any) => c.info.name.first);
const pause = () => new Promise((r) => setTimeout(r, 5));

test('"only new from now" emits nothing first, then each new contact once', async () => {
	await create('Before');
	// "From now" starts at the poll's clock reading; records in that same millisecond are ambiguous.
	await pause();
	const state: IDataObject = {};
	expect(await poll(state, { event: 'newContact', firstRun: 'fromNow' })).toBeNull();
	await pause();
	await create('A');
	await create('B');
	await pause();
	expect(names(await poll(state, { event: 'newContact', firstRun: 'fromNow' }))).toEqual([
		'A',
		'B',
	]);
	expect(await poll(state, { event: 'newContact', firstRun: 'fromNow' })).toBeNull();
	await create('C');
	await pause();
	expect(names(await poll(state, { event: 'newContact', firstRun: 'fromNow' }))).toEqual(['C']);
});

test('"everything existing" loads all at 1000 per request, then only what is new', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:2500' });
	await admin(sandbox, 'DELETE', '/requests');
	const state: IDataObject = {};
	const first = await poll(state, { event: 'newContact', firstRun: 'everything' });
	expect(first).toHaveLength(2500);
	expect(new Set(first!.map((c: any) => c.id)).size).toBe(2500);
	const { counts } = await admin(sandbox, 'GET', '/counts');
	expect(counts['POST /contacts/v4/contacts/query']).toBe(3);
	await create('Fresh');
	await pause();
	expect(names(await poll(state, { event: 'newContact', firstRun: 'everything' }))).toEqual([
		'Fresh',
	]);
});

test('contacts sharing a timestamp across a page boundary are neither lost nor repeated', async () => {
	// The seed gives every seventh contact the previous one's timestamp; 2,100 contacts span three pages.
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:2100' });
	const all = (await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string }>;
	const state: IDataObject = {};
	const got = (await poll(state, { event: 'newContact', firstRun: 'everything' }))!.map(
		(c: any) => c.id,
	);
	expect(got).toHaveLength(2100);
	expect(new Set(got)).toEqual(new Set(all.map((c) => c.id)));
});

test('keyset paging survives many contacts at one exact timestamp', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:1500' });
	// Force 1,200 contacts onto a single timestamp, more than a page.
	const state0 = (await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string }>;
	await admin(sandbox, 'POST', '/contacts/timestamps', {
		ids: state0.slice(0, 1200).map((c) => c.id),
		createdDate: '2026-01-01T00:00:00.000Z',
	});
	const got = (await poll({}, { event: 'newContact', firstRun: 'everything' }))!.map(
		(c: any) => c.id,
	);
	expect(got).toHaveLength(1500);
	expect(new Set(got).size).toBe(1500);
});

test('updated contacts: each change once, including those changed while a poll reads', async () => {
	const a = await create('A');
	const b = await create('B');
	await pause();
	const state: IDataObject = {};
	expect(await poll(state, { event: 'updatedContact', firstRun: 'fromNow' })).toBeNull();
	await pause();
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${a.id}`, {
		revision: 1,
		info: { company: 'X' },
	});
	await pause();
	expect(
		(await poll(state, { event: 'updatedContact', firstRun: 'fromNow' }))!.map((c: any) => [
			c.id,
			c.revision,
		]),
	).toEqual([[a.id, 2]]);
	// A change that lands during the next poll's read is reported by the poll after it.
	await admin(sandbox, 'POST', '/faults', {
		kind: 'concurrentUpdate',
		method: 'POST',
		pathPrefix: '/contacts/v4/contacts/query',
		times: 1,
		info: { jobTitle: 'Mid-poll' },
		contactId: b.id,
	});
	const during = await poll(state, { event: 'updatedContact', firstRun: 'fromNow' });
	await pause();
	const after = await poll(state, { event: 'updatedContact', firstRun: 'fromNow' });
	expect([...(during ?? []), ...(after ?? [])].map((c: any) => [c.id, c.info.jobTitle])).toEqual([
		[b.id, 'Mid-poll'],
	]);
});

test('manual "fetch test event" returns the newest contact and leaves the cursor alone', async () => {
	// Two contacts created in the same millisecond would be equally "newest": the older one is given
	// a creation time a minute earlier, as an import would, so the order never depends on the clock.
	const old = await create('Old');
	await create('Newest');
	await admin(sandbox, 'POST', '/contacts/timestamps', {
		ids: [old.id],
		createdDate: new Date(Date.now() - 60_000).toISOString(),
	});
	const state: IDataObject = {};
	expect(
		names(await poll(state, { event: 'newContact', firstRun: 'everything' }, 'manual')),
	).toEqual(['Newest']);
	expect(state).toEqual({});
});

describe('members and loyalty', () => {
	const { api, account, earn } = loyaltyKit(sandbox);

	beforeEach(async () => {
		await api('POST', '/loyalty-programs/v1/program/activate');
	});

	test('new members: each sign-up once', async () => {
		const a = await create('A');
		const b = await create('B');
		await pause();
		const state: IDataObject = {};
		expect(await poll(state, { event: 'newMember', firstRun: 'fromNow' })).toBeNull();
		await pause();
		await admin(sandbox, 'POST', '/members', { contactId: a.id });
		await admin(sandbox, 'POST', '/members', { contactId: b.id });
		await pause();
		const got = await poll(state, { event: 'newMember', firstRun: 'fromNow' });
		expect(got!.map((m: any) => [m.contactId, m.loginEmail !== undefined])).toEqual([
			[a.id, true],
			[b.id, true],
		]);
		expect(await poll(state, { event: 'newMember', firstRun: 'fromNow' })).toBeNull();
	});

	test('loyalty balance changed: every account whose points moved, once per poll, with its balance', async () => {
		const a = await account('A');
		const b = await account('B');
		await pause();
		const state: IDataObject = {};
		expect(await poll(state, { event: 'loyaltyBalanceChanged', firstRun: 'fromNow' })).toBeNull();
		await pause();
		await earn(a.id, 30);
		await earn(a.id, 20);
		await earn(b.id, 5);
		await pause();
		const got = await poll(state, { event: 'loyaltyBalanceChanged', firstRun: 'fromNow' });
		expect(got!.map((x: any) => [x.id, x.points.balance]).sort()).toEqual(
			[
				[a.id, 50],
				[b.id, 5],
			].sort(),
		);
		expect(await poll(state, { event: 'loyaltyBalanceChanged', firstRun: 'fromNow' })).toBeNull();
	});

	test('loyalty threshold: fires once when an account goes from below to at or above, again only after dropping below', async () => {
		const already = await account('Already');
		await earn(already.id, 500);
		const a = await account('A');
		await pause();
		const state: IDataObject = {};
		const params = { event: 'loyaltyThreshold', threshold: 100, firstRun: 'fromNow' };
		expect(await poll(state, params)).toBeNull();
		await pause();
		await earn(a.id, 60);
		await earn(already.id, 10);
		await pause();
		expect(await poll(state, params)).toBeNull();
		await earn(a.id, 40);
		await pause();
		expect(
			(await poll(state, params))!.map((x: any) => [x.id, x.points.balance, x.threshold]),
		).toEqual([[a.id, 100, 100]]);
		await earn(a.id, 5);
		await pause();
		expect(await poll(state, params)).toBeNull();
		await api('POST', `/loyalty-accounts/v1/accounts/${a.id}/adjust-points`, { amount: -50 });
		await pause();
		expect(await poll(state, params)).toBeNull();
		await earn(a.id, 50);
		await pause();
		expect((await poll(state, params))!.map((x: any) => x.id)).toEqual([a.id]);
	});

	test('loyalty paging (cursor API, 100 per page): more accounts than a page are all read, none twice', async () => {
		const ids: string[] = [];
		for (let k = 0; k < 130; k++) ids.push((await account(`L${k}`)).id);
		await pause();
		const got = await poll({}, { event: 'loyaltyBalanceChanged', firstRun: 'everything' });
		expect(new Set(got!.map((x: any) => x.id))).toEqual(new Set(ids));
		expect(got).toHaveLength(130);
	});
});

test('"Ignore Own Writes" leaves out the changes our Contacts node made, not anyone else’s', async () => {
	const ours = await create('Ours');
	const theirs = await create('Theirs');
	await pause();
	const parameters = {
		event: 'updatedContact',
		firstRun: 'fromNow',
		options: { settleSeconds: 0, ignoreOwnWrites: true },
	};
	const state: IDataObject = {};
	expect(await poll(state, parameters)).toBeNull();
	await pause();
	const contacts = new WixContacts();
	const write = (id: string, last: string) =>
		runNode({
			node: contacts,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: id },
				updateFields: { lastName: last },
			},
			credentials: apiKeyCredentials(sandbox),
		});
	await write(ours.id, 'ByN8n');
	const current = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${theirs.id}`)).body.contact;
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${theirs.id}`, {
		revision: current.revision,
		info: { name: { first: 'Theirs', last: 'ByHand' } },
	});
	await pause();
	expect(names(await poll(state, parameters))).toEqual(['Theirs']);
	// Without the option a version-1 node (as saved before 1.1) emits the same kind of change.
	await write(theirs.id, 'ByN8nToo');
	await pause();
	expect(names(await poll(state, { ...parameters, options: { settleSeconds: 0 } }))).toEqual([
		'Theirs',
	]);
});

test('version 1.1 ignores own writes unless told not to; version 1 only when told to', async () => {
	const c = await create('Versioned');
	await pause();
	const contacts = new WixContacts();
	const write = async (last: string) => {
		await runNode({
			node: contacts,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: c.id },
				updateFields: { lastName: last },
			},
			credentials: apiKeyCredentials(sandbox),
		});
		await pause();
	};
	const pollAt = (typeVersion: number, state: IDataObject, options: IDataObject) =>
		runPoll({
			node,
			parameters: { event: 'updatedContact', firstRun: 'fromNow', options },
			credentials: apiKeyCredentials(sandbox),
			staticData: state,
			typeVersion,
		});
	const unset = { settleSeconds: 0 };
	const off = { settleSeconds: 0, ignoreOwnWrites: false };
	const cases: Array<[number, IDataObject, string[]]> = [
		[1.1, unset, []],
		[1.1, off, ['Versioned']],
		[1, unset, ['Versioned']],
	];
	for (const [typeVersion, options, expected] of cases) {
		const state: IDataObject = {};
		expect(await pollAt(typeVersion, state, options)).toBeNull();
		await pause();
		await write(`v${typeVersion}-${String(options.ignoreOwnWrites)}`);
		expect(names(await pollAt(typeVersion, state, options))).toEqual(expected);
	}
	expect(node.description.version).toEqual([1, 1.1]);
	expect(node.description.defaultVersion).toBe(1.1);
});

describe('"Ignore Own Writes" never hides a genuine change', () => {
	const parameters = {
		event: 'updatedContact',
		firstRun: 'fromNow',
		options: { settleSeconds: 0, ignoreOwnWrites: true },
	};
	const contacts = new WixContacts();
	const update = (id: string, last: string) =>
		runNode({
			node: contacts,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: id },
				updateFields: { lastName: last },
			},
			credentials: apiKeyCredentials(sandbox),
		});
	const editByHand = async (id: string, last: string) => {
		const current = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
		await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${id}`, {
			revision: current.revision,
			info: { name: { first: current.info.name.first, last } },
		});
	};

	test('a person’s edit right after our update failed is emitted', async () => {
		const c = await create('Failed');
		await pause();
		const state: IDataObject = {};
		expect(await poll(state, parameters)).toBeNull();
		await admin(sandbox, 'POST', '/faults', {
			kind: 'status',
			status: 400,
			method: 'PATCH',
			times: 1,
		});
		await expect(update(c.id, 'ByN8n')).rejects.toThrow();
		await editByHand(c.id, 'ByHand');
		await pause();
		const got = await poll(state, parameters);
		expect(got!.map((x: any) => x.info.name.last)).toEqual(['ByHand']);
	});

	test('our update leaves its proof in Wix, so the event is ours in any process; the next edit by hand is not', async () => {
		const c = await create('Marked');
		await pause();
		const state: IDataObject = {};
		expect(await poll(state, parameters)).toBeNull();
		const { output } = await update(c.id, 'ByN8n');
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
		expect(Math.trunc(stored.info.extendedFields.items['custom.n8n-sync-revision'])).toBe(
			stored.revision,
		);
		expect(output[0].json.revision).toBe(stored.revision);
		await pause();
		expect(await poll(state, parameters)).toBeNull();
		await editByHand(c.id, 'ByHand');
		await pause();
		expect((await poll(state, parameters))!.map((x: any) => x.info.name.last)).toEqual(['ByHand']);
	});
});

describe('"Card Moved or Created" (pipeline cards, by updated date)', () => {
	const V1 = '/crm/pipelines/v1';
	const ok = async (method: string, path: string, body?: unknown) => {
		const { status, body: result } = await wix(sandbox, method, path, body);
		if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
		return result;
	};
	const pipeline = async (name = 'Sales') =>
		(
			await ok('POST', `${V1}/pipelines`, {
				pipeline: {
					name,
					stages: [{ name: 'New' }, { name: 'Contacted' }, { name: 'Qualified' }],
					doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
				},
			})
		).pipeline;
	const card = async (p: any, name: string, stage = 0) =>
		(
			await ok('POST', `${V1}/cards`, {
				card: { name, pipelineId: p.id, stageId: p.stages[stage].id },
			})
		).card;
	const move = async (c: any, stageId: string, outcome?: string) =>
		(
			await ok('PATCH', `${V1}/cards/move/${c.id}`, {
				stageId,
				revision: c.revision,
				...(outcome ? { outcome } : {}),
			})
		).card;
	const rename = async (c: any, name: string) =>
		(await ok('PATCH', `${V1}/cards/${c.id}`, { card: { name, revision: c.revision } })).card;
	const cards = (items: IDataObject[] | null) => (items ?? []).map((c: any) => [c.name, c.stageId]);
	const cardPoll = (state: IDataObject, extra: Record<string, unknown> = {}) =>
		poll(state, { event: 'cardMovedOrCreated', firstRun: 'fromNow', ...extra });

	test('each card created or moved once, oldest first; an edit that is no move is not reported', async () => {
		const p = await pipeline();
		const before = await card(p, 'Before');
		await pause();
		const state: IDataObject = {};
		expect(await cardPoll(state)).toBeNull();
		await pause();
		const a = await card(p, 'A');
		let b = await move(before, p.stages[1].id);
		await rename(a, 'A renamed');
		await pause();
		expect(cards(await cardPoll(state))).toEqual([
			['A renamed', p.stages[0].id],
			['Before', p.stages[1].id],
		]);
		expect(await cardPoll(state)).toBeNull();
		// Renamed only: not a move.
		b = await rename(b, 'Before renamed');
		await pause();
		expect(await cardPoll(state)).toBeNull();
		// Moved to the done stage, won.
		b = await move(b, p.doneStage.id, 'WON');
		await pause();
		const won = await cardPoll(state);
		expect(cards(won)).toEqual([['Before renamed', p.doneStage.id]]);
		expect(won![0]).toMatchObject({
			id: before.id,
			outcome: 'WON',
			stageUpdatedDate: b.stageUpdatedDate,
		});
		expect(await cardPoll(state)).toBeNull();
	});

	test('a card moved in a window and changed again after its end is reported once, in the window of its move', async () => {
		const p = await pipeline();
		const state: IDataObject = {};
		expect(await cardPoll(state)).toBeNull();
		await pause();
		const moved = await move(await card(p, 'Mover'), p.stages[2].id);
		// Changed again after this poll's window closes (its updated date is later than the window's end).
		await admin(sandbox, 'POST', '/pipelines/cards/timestamps', {
			ids: [moved.id],
			updatedDate: '2099-01-01T00:00:00.000Z',
		});
		await pause();
		expect(cards(await cardPoll(state))).toEqual([['Mover', p.stages[2].id]]);
		// Read again (its updated date is still after the cursor), but not reported again.
		expect(await cardPoll(state)).toBeNull();
	});

	test('"everything existing" reads every card once, also many sharing one updated date across pages', async () => {
		const p = await pipeline();
		const ids: string[] = [];
		for (let k = 0; k < 250; k++) ids.push((await card(p, `C${k}`, k % 3)).id);
		// 150 cards on one timestamp: more than a page (100) of them.
		await admin(sandbox, 'POST', '/pipelines/cards/timestamps', {
			ids: ids.slice(50, 200),
			createdDate: '2026-01-01T00:00:00.000Z',
			updatedDate: '2026-01-01T00:00:00.000Z',
			stageUpdatedDate: '2026-01-01T00:00:00.000Z',
		});
		await pause();
		await admin(sandbox, 'DELETE', '/requests');
		const state: IDataObject = {};
		const got = (await cardPoll(state, { firstRun: 'everything' }))!.map((c: any) => c.id);
		expect(got).toHaveLength(250);
		expect(new Set(got)).toEqual(new Set(ids));
		const { counts } = await admin(sandbox, 'GET', '/counts');
		expect(counts[`POST ${V1}/cards/query`]).toBe(3);
		// Oldest stage entry first: the 150 of 2026 come before the rest.
		expect(new Set(got.slice(0, 150))).toEqual(new Set(ids.slice(50, 200)));
		expect(await cardPoll(state, { firstRun: 'everything' })).toBeNull();
	});

	test('"Pipeline ID" watches one pipeline; manual mode gives the newest card', async () => {
		const sales = await pipeline('Sales');
		const other = await pipeline('Other');
		const state: IDataObject = {};
		expect(await cardPoll(state, { pipelineId: sales.id })).toBeNull();
		await pause();
		await card(sales, 'Mine');
		// Created in the same millisecond, the two would tie for newest (it flaked under load).
		await pause();
		await card(other, 'Not mine');
		await pause();
		expect(cards(await cardPoll(state, { pipelineId: sales.id }))).toEqual([
			['Mine', sales.stages[0].id],
		]);
		expect(
			cards(await poll(state, { event: 'cardMovedOrCreated', firstRun: 'fromNow' }, 'manual')),
		).toEqual([['Not mine', other.stages[0].id]]);
	});
});
