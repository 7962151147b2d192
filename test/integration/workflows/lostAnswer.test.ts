/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Card → Create (Pipelines and legacy Workflows) whose answer was lost: the node looks for the
// card before it reports or sends again, so one card is made. Against the sandbox over HTTP.
import { admin, useTestSandbox } from '../../helpers/sandbox';
import { rl, workflowsNode } from '../../helpers/workflowsNode';

const sandbox = useTestSandbox();
const pipelines = workflowsNode(sandbox, 'pipelines');
const legacy = workflowsNode(sandbox, 'workflows');
const { ok, contact } = pipelines;

const P = '/crm/pipelines/v1';
const V1 = '/workflows/v1';

const fault = (path: string, body: Record<string, unknown>) =>
	admin(sandbox, 'POST', '/faults', { method: 'POST', path, times: 1, ...body });

describe('Pipelines: Card → Create whose answer was lost makes one card', () => {
	async function setUp() {
		const p = (
			await ok('POST', `${P}/pipelines`, {
				pipeline: {
					name: 'Sales',
					stages: [{ name: 'New Lead' }, { name: 'Contacted' }],
					doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
				},
			})
		).pipeline;
		const [ada, bob] = [await contact('Ada'), await contact('Bob')];
		// A card just like ours made earlier, in another stage, must not be taken for ours.
		await ok('POST', `${P}/cards`, {
			card: {
				name: 'Deal',
				pipelineId: p.id,
				stageId: p.stages[0].id,
				mainContact: { contactId: ada },
			},
		});
		return { p, ada, bob };
	}
	const createParameters = (p: any, ada: string, bob: string) => ({
		resource: 'card',
		operation: 'create',
		pipelineId: rl(p.id),
		stageId: p.stages[1].id,
		name: 'Deal',
		mainContactBy: 'id',
		mainContactId: ada,
		additionalFields: { additionalContactIds: bob, description: 'From the web form' },
	});
	const create = (p: any, ada: string, bob: string) => pipelines.run(createParameters(p, ada, bob));
	const cards = async (p: any) =>
		(await ok('POST', `${P}/cards/query`, { query: { filter: { pipelineId: p.id } } })).cards;
	const creates = (requests: Array<{ method: string; url: string }>) =>
		requests.filter((r) => r.method === 'POST' && r.url.endsWith(`${P}/cards`));

	it.each([
		['answered 500 after Wix saved it', 'status'],
		['connection dropped after Wix saved it', 'reset'],
	] as const)('%s: reports the card it made', async (_, then) => {
		const { p, ada, bob } = await setUp();
		await fault(`${P}/cards`, { kind: 'lostAnswer', then });
		const { output, requests } = await create(p, ada, bob);
		const stored = await cards(p);
		expect(stored).toHaveLength(2);
		const ours = stored.find((c: any) => c.stageId === p.stages[1].id);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBeUndefined();
		expect(output[0].json).toMatchObject({
			id: ours.id,
			name: 'Deal',
			description: 'From the web form',
			mainContact: { contactId: ada },
		});
		// The create, then one search for it.
		expect(creates(requests)).toHaveLength(1);
		expect(requests).toHaveLength(2);
	});

	it('sends again when the lost request did not land', async () => {
		const { p, ada, bob } = await setUp();
		await fault(`${P}/cards`, { kind: 'reset' });
		const { output, requests } = await create(p, ada, bob);
		const stored = await cards(p);
		expect(stored).toHaveLength(2);
		expect(output[0].json.id).toBe(stored.find((c: any) => c.stageId === p.stages[1].id).id);
		expect(creates(requests)).toHaveLength(2);
		expect(requests).toHaveLength(3);
	});
	it.each([
		['answered 500 after Wix saved them', 'lostAnswer'],
		['dropped before Wix took them', 'reset'],
	] as const)(
		'six identical cards, every other create %s, make six cards',
		async (_, kind) => {
			const { p, ada, bob } = await setUp();
			await admin(sandbox, 'POST', '/faults', {
				kind,
				method: 'POST',
				path: `${P}/cards`,
				every: 2,
			});
			const { output } = await pipelines.run(createParameters(p, ada, bob), {
				items: Array.from({ length: 6 }, () => ({})),
			});
			expect(output.map((o) => o.json.error)).toEqual(Array(6).fill(undefined));
			const ours = (await cards(p)).filter((c: any) => c.stageId === p.stages[1].id);
			expect(ours).toHaveLength(6);
			// Each item reports its own card: none is taken for another item's.
			expect(new Set(output.map((o) => o.json.id))).toEqual(new Set(ours.map((c: any) => c.id)));
		},
		20_000,
	);
});

describe('Workflows (legacy): Card → Create whose answer was lost makes one card', () => {
	async function setUp() {
		const { id } = await ok('POST', `${V1}/workflows`, { workflow: { name: 'Lead Funnel' } });
		const phase = (await ok('POST', `${V1}/workflows/${id}/phases`, { phase: { name: 'New' } }))
			.id as string;
		return { workflowId: id as string, phase, ada: await contact('Ada') };
	}
	const create = (workflowId: string, phase: string, ada: string) =>
		legacy.run({
			resource: 'workflowCard',
			operation: 'create',
			workflowId: rl(workflowId),
			phaseId: phase,
			name: 'Ada Lovelace',
			contactId: rl(ada),
			additionalFields: { description: 'New lead' },
		});
	const cards = async (workflowId: string) =>
		(await ok('GET', `${V1}/workflows/${workflowId}/cards`)).cards;
	const cardsPath = (workflowId: string, phase: string) =>
		`${V1}/workflows/${workflowId}/phases/${phase}/cards`;

	it.each([
		['answered 500 after Wix saved it', 'status'],
		['connection dropped after Wix saved it', 'reset'],
	] as const)('%s: reports the card it made', async (_, then) => {
		const { workflowId, phase, ada } = await setUp();
		await fault(cardsPath(workflowId, phase), { kind: 'lostAnswer', then });
		const { output, requests } = await create(workflowId, phase, ada);
		const stored = await cards(workflowId);
		expect(stored).toHaveLength(1);
		expect(output[0].json.error).toBeUndefined();
		expect(output[0].json).toMatchObject({
			id: stored[0].info.id,
			workflowId,
			phaseId: phase,
			contactId: ada,
			name: 'Ada Lovelace',
		});
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
	});

	it('sends again when the lost request did not land', async () => {
		const { workflowId, phase, ada } = await setUp();
		await fault(cardsPath(workflowId, phase), { kind: 'reset' });
		const { output, requests } = await create(workflowId, phase, ada);
		const stored = await cards(workflowId);
		expect(stored).toHaveLength(1);
		expect(output[0].json.id).toBe(stored[0].info.id);
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
	});
});
