/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Pipelines (current) side of the Wix Workflows node, run in-process against the sandbox over
// HTTP: pipelines, cards and Set Up Funnel, with the errors a user can meet.
import { admin, useTestSandbox } from '../../helpers/sandbox';
import { rl, workflowsNode } from '../../helpers/workflowsNode';

const sandbox = useTestSandbox();
const { run, ok, contact } = workflowsNode(sandbox, 'pipelines');

const P = '/crm/pipelines/v1';
const STAGES = ['New Lead', 'Contacted', 'Qualified'];

async function pipeline(name = 'Sales', stages = STAGES) {
	return (
		await ok('POST', `${P}/pipelines`, {
			pipeline: {
				name,
				stages: stages.map((s) => ({ name: s })),
				doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
			},
		})
	).pipeline;
}

async function card(p: any, contactId: string, name = 'Deal', stage = 0) {
	return (
		await ok('POST', `${P}/cards`, {
			card: { name, pipelineId: p.id, stageId: p.stages[stage].id, mainContact: { contactId } },
		})
	).card;
}

describe('Pipeline', () => {
	it('creates a pipeline with ordered stages and a done stage with its outcomes', async () => {
		const { output } = await run({
			resource: 'pipeline',
			operation: 'create',
			name: 'Lead Funnel',
			stages: { stage: [{ name: 'New Lead' }, { name: 'Contacted', staleDurationInHours: 48 }] },
			options: { doneStageName: 'Closed', allowedOutcomes: ['WON', 'LOST'], currency: 'eur' },
		});
		expect(output[0].json).toMatchObject({
			name: 'Lead Funnel',
			currency: 'EUR',
			revision: '1',
			stages: [{ name: 'New Lead' }, { name: 'Contacted', staleDurationInHours: 48 }],
			doneStage: { name: 'Closed', allowedOutcomes: ['WON', 'LOST'] },
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses duplicate or missing stage names before any request', async () => {
		const { output, requests } = await run(
			{
				resource: 'pipeline',
				operation: 'create',
				name: 'X',
				stages: { stage: [{ name: 'A' }, { name: 'a ' }] },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/"a" is listed twice.*Stages/);
		expect(requests).toHaveLength(0);
	});

	it('gets one and gets many, with a limit', async () => {
		const a = await pipeline('A');
		await pipeline('B');
		await pipeline('C');
		expect(
			(await run({ resource: 'pipeline', operation: 'get', pipelineId: rl(a.id) })).output[0].json,
		).toMatchObject({ id: a.id, name: 'A' });
		const many = await run({
			resource: 'pipeline',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			options: { sort: 'name:ASC' },
		});
		expect(many.output.map((o) => o.json.name)).toEqual(['A', 'B']);
		const all = await run({ resource: 'pipeline', operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(3);
	});

	it('renames, renames a stage, adds and reorders stages, at the current revision', async () => {
		const p = await pipeline();
		const { output } = await run({
			resource: 'pipeline',
			operation: 'update',
			pipelineId: rl(p.id),
			updateFields: {
				name: 'Sales 2',
				stages: {
					stage: [
						{ stage: 'Qualified' },
						{ stage: p.stages[0].id, newName: 'Fresh' },
						{ newName: 'Negotiating' },
					],
				},
			},
		});
		expect(output[0].json).toMatchObject({
			name: 'Sales 2',
			revision: '2',
			stages: [
				{ id: p.stages[2].id, name: 'Qualified' },
				{ id: p.stages[0].id, name: 'Fresh' },
				{ name: 'Negotiating' },
				{ id: p.stages[1].id, name: 'Contacted' },
			],
		});
	});

	it('names an unknown stage in Update, and refuses a stale given revision with its code', async () => {
		const p = await pipeline();
		await expect(
			run({
				resource: 'pipeline',
				operation: 'update',
				pipelineId: rl(p.id),
				updateFields: { stages: { stage: [{ stage: 'Nope' }] } },
			}),
		).rejects.toThrow('Stage entry 1: "Nope" is not a stage of this pipeline');
		await ok('PATCH', `${P}/pipelines/${p.id}`, { pipeline: { revision: '1', name: 'Other' } });
		await expect(
			run({
				resource: 'pipeline',
				operation: 'update',
				pipelineId: rl(p.id),
				revision: '1',
				updateFields: { name: 'Mine' },
			}),
		).rejects.toThrow(/REVISION_MISMATCH/);
	});

	it('deletes an empty pipeline and refuses one with cards (CANNOT_DELETE_NON_EMPTY_PIPELINE)', async () => {
		const empty = await pipeline('Empty');
		expect(
			(await run({ resource: 'pipeline', operation: 'delete', pipelineId: rl(empty.id) })).output[0]
				.json,
		).toEqual({ deleted: true, pipelineId: empty.id });
		const full = await pipeline('Full');
		await card(full, await contact('Ada'));
		const { output } = await run(
			{ resource: 'pipeline', operation: 'delete', pipelineId: rl(full.id) },
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({
			code: 'CANNOT_DELETE_NON_EMPTY_PIPELINE',
			httpCode: '400',
		});
		expect(output[0].json.description).toMatch(/delete or move its cards first/);
	});

	it('names an unknown pipeline with PIPELINE_NOT_FOUND', async () => {
		await expect(
			run({
				resource: 'pipeline',
				operation: 'get',
				pipelineId: rl('00000000-0000-4000-8000-000000000000'),
			}),
		).rejects.toThrow(/PIPELINE_NOT_FOUND/);
	});

	it('stops at the site limit with MAX_PIPELINES_REACHED and what to do', async () => {
		const { pipelines } = await admin(sandbox, 'GET', '/pipelines');
		for (let n = pipelines.length; n < 10; n++) await pipeline(`P${n}`);
		await expect(
			run({
				resource: 'pipeline',
				operation: 'create',
				name: 'One too many',
				stages: { stage: [{ name: 'A' }] },
			}),
		).rejects.toThrow(/MAX_PIPELINES_REACHED/);
	});
});

describe('Card', () => {
	it('creates cards with the main contact found or created by email, batched, in the first stage by default', async () => {
		const p = await pipeline();
		const ada = await contact('Ada', 'ada@example.com');
		const items = [
			{ email: 'ADA@example.com', name: 'Deal 1' },
			{ email: 'grace@example.com', name: 'Deal 2' },
			{ email: 'grace@example.com', name: 'Deal 3' },
		];
		const { output, requests } = await run(
			{
				resource: 'card',
				operation: 'create',
				pipelineId: rl(p.id),
				name: (_: number, item: any) => item.name,
				mainContactBy: 'email',
				mainContactEmail: (_: number, item: any) => item.email,
				newContactFields: { firstName: 'Grace' },
				additionalFields: { value: '1500.50', priority: 'P2_HIGH', tags: 'deal-1' },
			},
			{ items },
		);
		expect(output.map((o) => o.json.mainContactCreated)).toEqual([false, true, false]);
		expect(output[0].json).toMatchObject({
			pipelineId: p.id,
			stageId: p.stages[0].id,
			name: 'Deal 1',
			mainContact: { contactId: ada },
			value: { value: '1500.50', currency: 'USD' },
			priority: 'P2_HIGH',
			tags: { privateTags: { tagIds: ['deal-1'] } },
		});
		expect(output[1].json.mainContact).toEqual(output[2].json.mainContact);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// One contact look-up for all three items.
		const queries = requests.filter((r) => r.url.endsWith('/contacts/v4/contacts/query'));
		expect(queries.filter((r) => JSON.stringify(r.body).includes('$in'))).toHaveLength(1);
	});

	it('creates a card by contact ID in a given stage with additional contacts and a due date', async () => {
		const p = await pipeline();
		const [a, b] = [await contact('A'), await contact('B')];
		const { output } = await run({
			resource: 'card',
			operation: 'create',
			pipelineId: rl(p.id),
			stageId: p.stages[1].id,
			name: 'Deal',
			mainContactBy: 'id',
			mainContactId: a,
			additionalFields: { additionalContactIds: b, dueDate: '2030-01-02T03:04:05.000Z' },
		});
		expect(output[0].json).toMatchObject({
			stageId: p.stages[1].id,
			mainContact: { contactId: a },
			additionalContacts: [{ contactId: b }],
			dueDate: '2030-01-02T03:04:05.000Z',
		});
	});

	it('fails an unknown contact or stage with Wix’s code, keeping the other items going', async () => {
		const p = await pipeline();
		const a = await contact('A');
		const ids = [a, '00000000-0000-4000-8000-000000000001', a];
		const stages = [p.stages[0].id, p.stages[0].id, '00000000-0000-4000-8000-000000000002'];
		const { output } = await run(
			{
				resource: 'card',
				operation: 'create',
				pipelineId: rl(p.id),
				stageId: (i: number) => stages[i],
				name: 'Deal',
				mainContactBy: 'id',
				mainContactId: (i: number) => ids[i],
			},
			{ items: [{}, {}, {}], continueOnFail: true },
		);
		expect(output[0].json.id).toBeDefined();
		expect(output[1].json).toMatchObject({ code: 'CONTACTS_NOT_FOUND' });
		expect(output[1].json.error).toContain('00000000-0000-4000-8000-000000000001');
		expect(output[2].json).toMatchObject({ code: 'STAGE_NOT_FOUND' });
		expect(output[2].json.description).toMatch(/field stageId/);
	});

	it('gets one, and gets many by pipeline, stage, contact and outcome, all pages by cursor', async () => {
		const p = await pipeline();
		const other = await pipeline('Other');
		const a = await contact('A');
		const b = await contact('B');
		const first = await card(p, a, 'A1');
		for (let n = 0; n < 4; n++) await card(p, b, `B${n}`, 1);
		await card(other, a, 'Other');
		expect(
			(await run({ resource: 'card', operation: 'get', cardId: first.id })).output[0].json,
		).toMatchObject({ id: first.id, name: 'A1' });
		const byPipeline = await run({
			resource: 'card',
			operation: 'getAll',
			pipelineId: rl(p.id),
			returnAll: true,
		});
		expect(byPipeline.output).toHaveLength(5);
		const byStage = await run({
			resource: 'card',
			operation: 'getAll',
			pipelineId: rl(p.id),
			returnAll: false,
			limit: 3,
			filters: { stageId: p.stages[1].id },
		});
		expect(byStage.output.map((o) => o.json.name)).toEqual(['B0', 'B1', 'B2']);
		const byContact = await run({
			resource: 'card',
			operation: 'getAll',
			pipelineId: rl(''),
			returnAll: true,
			filters: { contactId: a },
		});
		expect(byContact.output.map((o) => o.json.name).sort()).toEqual(['A1', 'Other']);
		await ok('PATCH', `${P}/cards/move/${first.id}`, {
			stageId: p.doneStage.id,
			revision: '1',
			outcome: 'WON',
		});
		const won = await run({
			resource: 'card',
			operation: 'getAll',
			pipelineId: rl(p.id),
			returnAll: true,
			filters: { outcome: 'WON' },
		});
		expect(won.output.map((o) => o.json.id)).toEqual([first.id]);
	});

	it('pages through more than 100 cards with Return All', async () => {
		const p = await pipeline();
		const a = await contact('A');
		for (let n = 0; n < 105; n++) await card(p, a, `C${n}`);
		const { output, requests } = await run({
			resource: 'card',
			operation: 'getAll',
			pipelineId: rl(p.id),
			returnAll: true,
		});
		expect(output).toHaveLength(105);
		expect(new Set(output.map((o) => o.json.id)).size).toBe(105);
		expect(requests.filter((r) => r.url.endsWith('/cards/search'))).toHaveLength(2);
	});

	it('updates at the revision it reads, and retries once when another writer got there first', async () => {
		const p = await pipeline();
		const c = await card(p, await contact('A'));
		const { output } = await run({
			resource: 'card',
			operation: 'update',
			cardId: c.id,
			updateFields: { name: 'Renamed', value: '99' },
		});
		expect(output[0].json).toMatchObject({
			name: 'Renamed',
			revision: '2',
			value: { value: '99' },
		});
		// Wix refuses the write as stale once: the node re-reads and writes again, once only.
		const path = `${P}/cards/${c.id}`;
		await admin(sandbox, 'POST', '/faults', { method: 'PATCH', path, status: 409, times: 1 });
		const racing = await run({
			resource: 'card',
			operation: 'update',
			cardId: c.id,
			updateFields: { description: 'mine' },
		});
		expect(racing.output[0].json).toMatchObject({ description: 'mine', revision: '3' });
		expect(racing.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET', 'PATCH']);
		await admin(sandbox, 'POST', '/faults', { method: 'PATCH', path, status: 409, times: 2 });
		const twice = await run(
			{ resource: 'card', operation: 'update', cardId: c.id, updateFields: { description: 'x' } },
			{ continueOnFail: true },
		);
		expect(twice.output[0].json).toMatchObject({ httpCode: '409' });
		expect(twice.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
		await admin(sandbox, 'DELETE', '/faults');
	});

	it('refuses a stale given revision, naming the field and the code', async () => {
		const p = await pipeline();
		const c = await card(p, await contact('A'));
		await ok('PATCH', `${P}/cards/${c.id}`, { card: { revision: '1', name: 'Other' } });
		const { output } = await run(
			{
				resource: 'card',
				operation: 'update',
				cardId: c.id,
				revision: '1',
				updateFields: { name: 'Mine' },
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'REVISION_MISMATCH', httpCode: '409' });
		expect(output[0].json.description).toMatch(/field revision/);
	});

	it('moves a card to a stage, and to the done stage as WON', async () => {
		const p = await pipeline();
		const c = await card(p, await contact('A'));
		const moved = await run({
			resource: 'card',
			operation: 'move',
			cardId: c.id,
			pipelineId: rl(p.id),
			stageId: p.stages[2].id,
		});
		expect(moved.output[0].json).toMatchObject({ stageId: p.stages[2].id, outcome: 'NONE' });
		const won = await run({
			resource: 'card',
			operation: 'move',
			cardId: c.id,
			pipelineId: rl(p.id),
			stageId: p.doneStage.id,
			outcome: 'WON',
		});
		expect(won.output[0].json).toMatchObject({ stageId: p.doneStage.id, outcome: 'WON' });
	});

	it('refuses an outcome outside the done stage and a stage of another pipeline', async () => {
		const p = await pipeline();
		const other = await pipeline('Other');
		const c = await card(p, await contact('A'));
		const { output } = await run(
			{
				resource: 'card',
				operation: 'move',
				cardId: c.id,
				pipelineId: rl(p.id),
				stageId: (i: number) => (i === 0 ? p.stages[1].id : other.stages[0].id),
				outcome: (i: number) => (i === 0 ? 'WON' : ''),
			},
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'INVALID_OUTCOME' });
		expect(output[0].json.description).toMatch(/done stage/);
		expect(output[1].json).toMatchObject({ code: 'STAGE_NOT_FOUND' });
		expect(output[1].json.description).toMatch(/card’s own pipeline/);
	});

	it('deletes a card; an unknown one is a clear 404', async () => {
		const p = await pipeline();
		const c = await card(p, await contact('A'));
		expect(
			(await run({ resource: 'card', operation: 'delete', cardId: c.id })).output[0].json,
		).toEqual({ deleted: true, cardId: c.id });
		await expect(run({ resource: 'card', operation: 'get', cardId: c.id })).rejects.toThrow(
			/CARD_NOT_FOUND/,
		);
	});
});

describe('Set Up Funnel (pipelines)', () => {
	const setUp = (name: string, phases: string[]) =>
		run({
			resource: 'funnel',
			operation: 'setUp',
			funnelName: name,
			phases: { phase: phases.map((p) => ({ name: p })) },
		});

	it('creates the pipeline, then changes nothing when run again, then adds only what is missing, in order', async () => {
		const first = (await setUp('Lead Funnel', ['New Lead', 'Contacted', 'Qualified'])).output[0]
			.json as any;
		expect(first).toMatchObject({
			api: 'pipelines',
			created: true,
			addedPhases: ['New Lead', 'Contacted', 'Qualified'],
			winPhaseName: 'Done',
		});
		expect(Object.keys(first.phaseIds)).toEqual(['New Lead', 'Contacted', 'Qualified', 'Done']);
		expect(first.pipelineId).toBe(first.funnelId);

		const again = await setUp('Lead Funnel', ['New Lead', 'Contacted', 'Qualified']);
		expect(again.output[0].json).toMatchObject({
			created: false,
			addedPhases: [],
			phaseIds: first.phaseIds,
		});
		expect(again.requests.filter((r) => r.method !== 'GET' && !r.url.endsWith('/query'))).toEqual(
			[],
		);

		const more = (
			await setUp('Lead Funnel', ['New Lead', 'Proposal', 'Contacted', 'Qualified', 'Won?'])
		).output[0].json as any;
		expect(more.addedPhases).toEqual(['Proposal', 'Won?']);
		expect(more.phases.map((p: any) => p.name)).toEqual([
			'New Lead',
			'Proposal',
			'Contacted',
			'Qualified',
			'Won?',
			'Done',
		]);
		expect(more.phaseIds['Contacted']).toBe(first.phaseIds['Contacted']);
		expect((await admin(sandbox, 'GET', '/pipelines')).pipelines).toHaveLength(1);
	});

	it('refuses an empty funnel name and duplicate phase names', async () => {
		const { output, requests } = await run(
			{
				resource: 'funnel',
				operation: 'setUp',
				funnelName: (i: number) => (i === 0 ? '  ' : 'F'),
				phases: { phase: [{ name: 'A' }, { name: 'A' }] },
			},
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/No funnel name given.*Funnel Name/);
		expect(output[1].json.error).toMatch(/"A" is listed twice.*Phases/);
		expect(requests).toHaveLength(0);
	});
});
