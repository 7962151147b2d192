// The Wix Polling Trigger against the sandbox: first runs, the cursor across polls, shared
// timestamps across page boundaries, updates during a poll, and manual "fetch test event".
import type { IDataObject } from 'n8n-workflow';

import { WixPollingTrigger } from '../../nodes/Wix/PollingTrigger/WixPollingTrigger.node';
import type { WixSandbox } from '../../sandbox/server';
import { runPoll } from '../helpers/executeContext';
import { admin, apiKeyCredentials, startTestSandbox, wix } from '../helpers/sandbox';

const node = new WixPollingTrigger();
let sandbox: WixSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

const poll = (staticData: IDataObject, parameters: Record<string, unknown>, mode: 'trigger' | 'manual' = 'trigger') =>
	runPoll({ node, parameters: { options: { settleSeconds: 0 }, ...parameters }, credentials: apiKeyCredentials(sandbox), staticData, mode });
const create = async (first: string) => (await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first } } })).body.contact;
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
	expect(names(await poll(state, { event: 'newContact', firstRun: 'fromNow' }))).toEqual(['A', 'B']);
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
	expect(names(await poll(state, { event: 'newContact', firstRun: 'everything' }))).toEqual(['Fresh']);
});

test('contacts sharing a timestamp across a page boundary are neither lost nor repeated', async () => {
	// The seed gives every seventh contact the previous one's timestamp; 2,100 contacts span three pages.
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:2100' });
	const all = (await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string; createdDate: string }>;
	const shared = all.length - new Set(all.map((c) => c.createdDate)).size;
	expect(shared).toBeGreaterThan(250);
	const state: IDataObject = {};
	const got = (await poll(state, { event: 'newContact', firstRun: 'everything' }))!.map((c: any) => c.id);
	expect(got).toHaveLength(2100);
	expect(new Set(got)).toEqual(new Set(all.map((c) => c.id)));
});

test('keyset paging survives many contacts at one exact timestamp', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:1500' });
	// Force 1,200 contacts onto a single timestamp, more than a page.
	const state0 = (await admin(sandbox, 'GET', '/state')).contacts as Array<{ id: string }>;
	await admin(sandbox, 'POST', '/contacts/timestamps', { ids: state0.slice(0, 1200).map((c) => c.id), createdDate: '2026-01-01T00:00:00.000Z' });
	const got = (await poll({}, { event: 'newContact', firstRun: 'everything' }))!.map((c: any) => c.id);
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
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${a.id}`, { revision: 1, info: { company: 'X' } });
	await pause();
	expect((await poll(state, { event: 'updatedContact', firstRun: 'fromNow' }))!.map((c: any) => [c.id, c.revision])).toEqual([[a.id, 2]]);
	// A change that lands during the next poll's read is reported by the poll after it.
	await admin(sandbox, 'POST', '/faults', { kind: 'concurrentUpdate', method: 'POST', pathPrefix: '/contacts/v4/contacts/query', times: 1, info: { jobTitle: 'Mid-poll' }, contactId: b.id });
	const during = await poll(state, { event: 'updatedContact', firstRun: 'fromNow' });
	await pause();
	const after = await poll(state, { event: 'updatedContact', firstRun: 'fromNow' });
	expect([...(during ?? []), ...(after ?? [])].map((c: any) => [c.id, c.info.jobTitle])).toEqual([[b.id, 'Mid-poll']]);
});

test('manual "fetch test event" returns the newest contact and leaves the cursor alone', async () => {
	await create('Old');
	await create('Newest');
	const state: IDataObject = {};
	expect(names(await poll(state, { event: 'newContact', firstRun: 'everything' }, 'manual'))).toEqual(['Newest']);
	expect(state).toEqual({});
});
