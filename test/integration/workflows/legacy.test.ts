/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Workflows (legacy) side of the Wix Workflows node, run in-process against the sandbox over
// HTTP: workflows, phases, cards and Set Up Funnel, with the errors a user can meet.
import { admin, useTestSandbox } from '../../helpers/sandbox';
import { rl, workflowsNode } from '../../helpers/workflowsNode';

const sandbox = useTestSandbox();
const { run, ok, contact } = workflowsNode(sandbox, 'workflows');

const V1 = '/workflows/v1';
const SEED = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

async function funnel(name = 'Lead Funnel', phases = SEED) {
	const { id } = await ok('POST', `${V1}/workflows`, { workflow: { name } });
	const phaseIds: string[] = [];
	for (const phase of phases)
		phaseIds.push(
			(await ok('POST', `${V1}/workflows/${id}/phases`, { phase: { name: phase } })).id,
		);
	const win = (await ok('GET', `${V1}/workflows/${id}`)).workflow.winPhase.info.id as string;
	return { id, phaseIds, win };
}

async function card(workflowId: string, phaseId: string, contactId: string, name = 'Deal') {
	return (
		await ok('POST', `${V1}/workflows/${workflowId}/phases/${phaseId}/cards`, {
			card: { name, primaryAttachment: { contactId } },
		})
	).id as string;
}

describe('Workflow', () => {
	it('creates a workflow and returns it with its win phase ID on top', async () => {
		const { output } = await run({
			resource: 'workflow',
			operation: 'create',
			name: 'Lead Funnel',
			description: 'Where contacts are',
		});
		expect(output[0].json).toMatchObject({
			name: 'Lead Funnel',
			phaseIds: [],
			info: { name: 'Lead Funnel', description: 'Where contacts are' },
			winPhase: { info: { name: 'Win' } },
		});
		expect(output[0].json.winPhaseId).toBe((output[0].json.winPhase as any).info.id);
	});

	it('gets a workflow with winPhaseId and phaseIds in display order', async () => {
		const f = await funnel();
		const { output } = await run({ resource: 'workflow', operation: 'get', workflowId: rl(f.id) });
		expect(output[0].json).toMatchObject({ id: f.id, winPhaseId: f.win, phaseIds: f.phaseIds });
		expect((output[0].json as any).phasesList.total).toBe(5);
	});

	it('gets many, updates and deletes', async () => {
		await funnel('B');
		const a = await funnel('A');
		const many = await run({ resource: 'workflow', operation: 'getAll', returnAll: true });
		expect(many.output.map((o) => o.json.name)).toEqual(['A', 'B']);
		const limited = await run({
			resource: 'workflow',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(limited.output).toHaveLength(1);
		const updated = await run({
			resource: 'workflow',
			operation: 'update',
			workflowId: rl(a.id),
			updateFields: { name: 'A2' },
		});
		expect(updated.output[0].json).toEqual({ id: a.id, updated: true, name: 'A2' });
		expect((await ok('GET', `${V1}/workflows/${a.id}`)).workflow.info.name).toBe('A2');
		const deleted = await run({ resource: 'workflow', operation: 'delete', workflowId: rl(a.id) });
		expect(deleted.output[0].json).toEqual({ deleted: true, workflowId: a.id });
		await expect(
			run({ resource: 'workflow', operation: 'get', workflowId: rl(a.id) }),
		).rejects.toThrow(/WORKFLOW_NOT_FOUND/);
	});

	it('refuses the 31st workflow with 403 and says what to do', async () => {
		await admin(sandbox, 'POST', '/workflows/limits', { workflowsPerSite: 2 });
		await funnel('One', []);
		await funnel('Two', []);
		const { output } = await run(
			{ resource: 'workflow', operation: 'create', name: 'Three' },
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ httpCode: '403', code: 'WORKFLOWS_LIMIT_REACHED' });
		expect(output[0].json.description).toMatch(/at most 30 workflows/);
		await admin(sandbox, 'POST', '/workflows/limits', { workflowsPerSite: 30 });
	});
});

describe('Phase', () => {
	it('creates phases last or at a position, lists them in display order, moves, renames, deletes', async () => {
		const f = await funnel('F', ['A', 'C']);
		const b = await run({
			resource: 'phase',
			operation: 'create',
			workflowId: rl(f.id),
			name: 'B',
			options: { position: 1 },
		});
		expect(b.output[0].json).toMatchObject({ name: 'B', position: 1, workflowId: f.id });
		await run({ resource: 'phase', operation: 'create', workflowId: rl(f.id), name: 'D' });
		const list = async () =>
			(
				await run({ resource: 'phase', operation: 'getAll', workflowId: rl(f.id), returnAll: true })
			).output.map((o) => `${o.json.position}:${o.json.name}`);
		expect(await list()).toEqual(['0:A', '1:B', '2:C', '3:D']);
		const bId = b.output[0].json.id as string;
		await run({
			resource: 'phase',
			operation: 'move',
			workflowId: rl(f.id),
			phaseId: bId,
			newPosition: 3,
		});
		expect(await list()).toEqual(['0:A', '1:C', '2:D', '3:B']);
		await run({
			resource: 'phase',
			operation: 'update',
			workflowId: rl(f.id),
			phaseId: bId,
			name: 'Bee',
		});
		const got = await run({
			resource: 'phase',
			operation: 'get',
			workflowId: rl(f.id),
			phaseId: bId,
		});
		expect(got.output[0].json).toMatchObject({ id: bId, name: 'Bee', cardsList: { total: 0 } });
		await run({ resource: 'phase', operation: 'delete', workflowId: rl(f.id), phaseId: bId });
		expect(await list()).toEqual(['0:A', '1:C', '2:D']);
	});

	it('refuses a position out of range and an unknown phase, naming the field and code', async () => {
		const f = await funnel('F', ['A']);
		const { output } = await run(
			{
				resource: 'phase',
				operation: 'move',
				workflowId: rl(f.id),
				phaseId: (i: number) => (i === 0 ? f.phaseIds[0] : '00000000-0000-4000-8000-000000000000'),
				newPosition: (i: number) => (i === 0 ? 7 : 0),
			},
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'INVALID_ARGUMENT', httpCode: '400' });
		expect(output[0].json.error).toMatch(/field "newPosition" must be a position from 0 to 0/);
		expect(output[1].json).toMatchObject({ code: 'PHASE_NOT_FOUND', httpCode: '404' });
	});
});

describe('Card (legacy)', () => {
	it('creates a card for a contact given by email or ID, with the seed’s source', async () => {
		const f = await funnel();
		const ada = await contact('Ada', 'ada@example.com');
		const { output } = await run({
			resource: 'workflowCard',
			operation: 'create',
			workflowId: rl(f.id),
			phaseId: f.phaseIds[0],
			name: 'Ada Lovelace',
			contactId: rl('ada@example.com', 'email'),
			additionalFields: { source: 'My CRM', description: 'New lead' },
		});
		expect(output[0].json).toMatchObject({
			workflowId: f.id,
			phaseId: f.phaseIds[0],
			contactId: ada,
			name: 'Ada Lovelace',
			source: 'My CRM',
		});
		const got = await run({
			resource: 'workflowCard',
			operation: 'get',
			cardId: output[0].json.id,
		});
		expect(got.output[0].json).toMatchObject({
			id: output[0].json.id,
			contactId: ada,
			source: 'My CRM',
			phaseId: f.phaseIds[0],
			archived: false,
		});
	});

	it('refuses a second active card for the contact, and lets the other items through', async () => {
		const f = await funnel();
		const ada = await contact('Ada');
		const grace = await contact('Grace');
		const ids = [ada, ada, grace];
		const { output } = await run(
			{
				resource: 'workflowCard',
				operation: 'create',
				workflowId: rl(f.id),
				phaseId: f.phaseIds[0],
				name: 'Deal',
				contactId: (i: number) => rl(ids[i]),
			},
			{ items: [{}, {}, {}], continueOnFail: true },
		);
		expect(output[0].json.id).toBeDefined();
		expect(output[1].json).toMatchObject({ code: 'CONTACT_HAS_ACTIVE_CARD', httpCode: '400' });
		expect(output[1].json.error).toContain(`card holding the contact: ${output[0].json.id}`);
		expect(output[1].json.description).toMatch(/field primaryAttachment.contactId/);
		expect(output[2].json.id).toBeDefined();
	});

	it('gets many by phase, by contact, archived or not; updates; moves to the win phase; archives and restores; deletes', async () => {
		const f = await funnel();
		const [a, b, c] = [await contact('A'), await contact('B'), await contact('C')];
		const ca = await card(f.id, f.phaseIds[0], a, 'A');
		const cb = await card(f.id, f.phaseIds[0], b, 'B');
		const cc = await card(f.id, f.phaseIds[1], c, 'C');
		const many = async (filters: Record<string, unknown>) =>
			(
				await run({
					resource: 'workflowCard',
					operation: 'getAll',
					workflowId: rl(f.id),
					returnAll: true,
					filters,
				})
			).output.map((o) => o.json.name);
		expect(await many({})).toEqual(['A', 'B', 'C']);
		expect(await many({ phaseId: f.phaseIds[0] })).toEqual(['A', 'B']);
		expect(await many({ contactId: c })).toEqual(['C']);

		await run({
			resource: 'workflowCard',
			operation: 'update',
			cardId: ca,
			updateFields: { name: 'A!', source: 'deal-1' },
		});
		expect((await ok('GET', `${V1}/cards/${ca}`)).card.info).toMatchObject({
			name: 'A!',
			source: 'deal-1',
		});

		const won = await run({
			resource: 'workflowCard',
			operation: 'move',
			cardId: cb,
			workflowId: rl(f.id),
			phaseId: f.win,
		});
		expect(won.output[0].json).toMatchObject({ id: cb, phaseId: f.win, moved: true });
		// Won, the contact is free for a new card.
		await card(f.id, f.phaseIds[0], b, 'B again');

		await run({ resource: 'workflowCard', operation: 'archive', cardId: cc });
		expect(await many({ archived: true })).toEqual(['C']);
		expect(
			(await run({ resource: 'workflowCard', operation: 'get', cardId: cc })).output[0].json,
		).toEqual({ id: cc, archived: true });
		await run({
			resource: 'workflowCard',
			operation: 'restore',
			cardId: cc,
			workflowId: rl(f.id),
			phaseId: f.phaseIds[2],
			options: { position: 0 },
		});
		expect(await many({ phaseId: f.phaseIds[2] })).toEqual(['C']);

		const deleted = await run({ resource: 'workflowCard', operation: 'delete', cardId: ca });
		expect(deleted.output[0].json).toEqual({ deleted: true, cardId: ca });
		await expect(run({ resource: 'workflowCard', operation: 'get', cardId: ca })).rejects.toThrow(
			/CARD_NOT_FOUND/,
		);
	});

	it('refuses a move to a phase of another workflow and a position out of range', async () => {
		const f = await funnel('F', ['A']);
		const g = await funnel('G', ['X']);
		const id = await card(f.id, f.phaseIds[0], await contact('A'));
		const { output } = await run(
			{
				resource: 'workflowCard',
				operation: 'move',
				cardId: id,
				workflowId: rl(f.id),
				phaseId: (i: number) => (i === 0 ? g.phaseIds[0] : f.phaseIds[0]),
				options: (i: number) => (i === 0 ? {} : { position: 5 }),
			},
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'PHASE_NOT_IN_WORKFLOW' });
		expect(output[1].json.error).toMatch(/field "newPosition"/);
	});
});

describe('Set Up Funnel (legacy)', () => {
	const setUp = (name: string, phases: string[]) =>
		run({
			resource: 'funnel',
			operation: 'setUp',
			funnelName: name,
			phases: { phase: phases.map((p) => ({ name: p })) },
		});

	it('walks the seed: workflow and five phases, the win phase ID by name; again changes nothing; a missing phase goes in its place', async () => {
		const first = (await setUp('Lead Funnel', SEED)).output[0].json as any;
		expect(first).toMatchObject({ api: 'workflows', created: true, addedPhases: SEED });
		expect(Object.keys(first.phaseIds)).toEqual([...SEED, 'Win']);
		expect(first.winPhaseId).toBe(first.phaseIds.Win);
		expect(first.workflowId).toBe(first.funnelId);
		const { workflow } = await ok('GET', `${V1}/workflows/${first.funnelId}`);
		expect(workflow.phasesList.phases.map((p: any) => p.info.id)).toEqual(
			SEED.map((n) => first.phaseIds[n]),
		);

		const again = await setUp('Lead Funnel', SEED);
		expect(again.output[0].json).toMatchObject({
			created: false,
			addedPhases: [],
			phaseIds: first.phaseIds,
		});
		expect(again.requests.every((r) => r.method === 'GET')).toBe(true);

		const more = (await setUp('Lead Funnel', ['New Lead', 'Demo', 'Contacted'])).output[0]
			.json as any;
		expect(more.addedPhases).toEqual(['Demo']);
		expect(more.phases.map((p: any) => p.name)).toEqual([
			'New Lead',
			'Demo',
			'Contacted',
			'Qualified',
			'Proposal Sent',
			'Negotiating',
			'Win',
		]);
		const listed = (await ok('GET', `${V1}/workflows/${first.funnelId}/phases`)).phases.map(
			(p: any) => p.info.name,
		);
		expect(listed).toEqual(more.phases.slice(0, -1).map((p: any) => p.name));
		expect((await admin(sandbox, 'GET', '/workflows')).workflows).toHaveLength(1);
	});

	it('refuses an empty funnel name and duplicate phase names', async () => {
		await expect(setUp('', ['A'])).rejects.toThrow(/No funnel name given/);
		await expect(setUp('F', ['A', 'B', 'a'])).rejects.toThrow(/"a" is listed twice/);
	});
});
