/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Every resource of the Wix Workflows node in a real n8n, on both Wix APIs: imported workflows that
// chain the operations a user would combine, executed by n8n's CLI, then the sandbox's state checked;
// Continue On Fail; and the pickers through the REST calls the editor makes.
import { admin, wix } from '../helpers/sandbox';
import { FUNNEL_PHASES } from '../scenarios/leadFunnel';
import { API_KEY_CREDENTIAL, e2e, manualWorkflow, nodeOutput } from './fixtures';

const { sandbox, n8n } = e2e();
const TYPE = 'n8n-nodes-wix-crm.wixWorkflows';
const once = { executeOnce: true };
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const rlExpr = (expr: string) => rl(`={{ ${expr} }}`);
const FUNNEL = "$('Set Up Funnel').first().json";

function wfNode(
	name: string,
	api: 'pipelines' | 'workflows',
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { api, ...parameters },
		credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
		...extra,
	};
}

/** A manual workflow running `chain` one node after another. */
function chained(name: string, chain: any[]) {
	const connections: Record<string, string[]> = { Start: [chain[0].name] };
	chain.forEach((n, k) => {
		if (chain[k + 1]) connections[n.name] = [chain[k + 1].name];
	});
	return manualWorkflow(name, chain, connections);
}

const setUpFunnel = (api: 'pipelines' | 'workflows') =>
	wfNode('Set Up Funnel', api, {
		resource: 'funnel',
		operation: 'setUp',
		funnelName: 'Lead Funnel',
		phases: { phase: FUNNEL_PHASES.map((name) => ({ name })) },
	});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

test('n8n loads the Wix Workflows node and its AI tool variant from the installed package', async () => {
	const types = (await fetch(`${n8n.url}/types/nodes.json`, {
		headers: { Cookie: await n8n.session() },
	}).then((r) => r.json())) as Array<{ name: string; codex?: { alias?: string[] } }>;
	const names = types.map((t) => t.name);
	expect(names).toEqual(expect.arrayContaining([TYPE, `${TYPE}Tool`]));
});

test('pipelines: Set Up Funnel, pipeline create/get/update/get many/delete, card create/update/move/get/get many/delete', async () => {
	const P = 'pipelines' as const;
	const side = "$('Create Pipeline').first().json.id";
	const cardId = "={{ $('Create Card').first().json.id }}";
	const { id, body } = chained('All pipeline operations', [
		setUpFunnel(P),
		wfNode('Create Pipeline', P, {
			resource: 'pipeline',
			operation: 'create',
			name: 'Side Deals',
			stages: { stage: [{ name: 'Open' }] },
			options: { doneStageName: 'Closed' },
		}),
		wfNode('Get Pipeline', P, { resource: 'pipeline', operation: 'get', pipelineId: rlExpr(side) }),
		wfNode('Update Pipeline', P, {
			resource: 'pipeline',
			operation: 'update',
			pipelineId: rlExpr(side),
			updateFields: {
				name: 'Side Deals 2',
				stages: { stage: [{ newName: 'Fresh' }, { stage: 'Open', newName: 'Opened' }] },
			},
		}),
		wfNode('List Pipelines', P, {
			resource: 'pipeline',
			operation: 'getAll',
			returnAll: true,
			options: { sort: 'name:ASC' },
		}),
		wfNode(
			'Create Card',
			P,
			{
				resource: 'card',
				operation: 'create',
				pipelineId: rlExpr(`${FUNNEL}.funnelId`),
				stageId: `={{ ${FUNNEL}.phaseIds['Contacted'] }}`,
				name: 'Ada – 20 seats',
				mainContactBy: 'email',
				mainContactEmail: 'ada@funnel.test',
				newContactFields: { firstName: 'Ada', lastName: 'Lovelace' },
				additionalFields: { value: '1500', priority: 'P2_HIGH', description: 'CRM deal 7' },
			},
			once,
		),
		wfNode('Update Card', P, {
			resource: 'card',
			operation: 'update',
			cardId,
			updateFields: { name: 'Ada – 25 seats', value: '1875.50' },
		}),
		wfNode('Move Card', P, {
			resource: 'card',
			operation: 'move',
			cardId,
			pipelineId: rlExpr(`${FUNNEL}.funnelId`),
			stageId: `={{ ${FUNNEL}.phaseIds['Proposal Sent'] }}`,
		}),
		wfNode('Win Card', P, {
			resource: 'card',
			operation: 'move',
			cardId,
			pipelineId: rlExpr(`${FUNNEL}.funnelId`),
			stageId: `={{ ${FUNNEL}.winPhaseId }}`,
			outcome: 'WON',
		}),
		wfNode('Get Card', P, { resource: 'card', operation: 'get', cardId }),
		wfNode('Won Cards', P, {
			resource: 'card',
			operation: 'getAll',
			pipelineId: rlExpr(`${FUNNEL}.funnelId`),
			returnAll: true,
			filters: { outcome: 'WON' },
		}),
		wfNode('Delete Card', P, { resource: 'card', operation: 'delete', cardId }, once),
		wfNode('Delete Pipeline', P, {
			resource: 'pipeline',
			operation: 'delete',
			pipelineId: rlExpr(side),
		}),
	]);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	const [funnel] = nodeOutput(run, 'Set Up Funnel');
	expect(funnel).toMatchObject({ api: 'pipelines', created: true, addedPhases: FUNNEL_PHASES });
	expect(Object.keys(funnel.phaseIds)).toEqual([...FUNNEL_PHASES, 'Done']);
	const [sidePipeline] = nodeOutput(run, 'Create Pipeline');
	expect(sidePipeline).toMatchObject({
		name: 'Side Deals',
		stages: [{ name: 'Open' }],
		doneStage: { name: 'Closed' },
	});
	expect(nodeOutput(run, 'Get Pipeline')[0]).toMatchObject({ id: sidePipeline.id });
	expect(nodeOutput(run, 'Update Pipeline')[0]).toMatchObject({
		name: 'Side Deals 2',
		stages: [{ name: 'Fresh' }, { name: 'Opened', id: sidePipeline.stages[0].id }],
	});
	expect(nodeOutput(run, 'List Pipelines').map((p) => p.name)).toEqual([
		'Lead Funnel',
		'Side Deals 2',
	]);
	const [card] = nodeOutput(run, 'Create Card');
	expect(card).toMatchObject({
		name: 'Ada – 20 seats',
		stageId: funnel.phaseIds.Contacted,
		priority: 'P2_HIGH',
		description: 'CRM deal 7',
		mainContactCreated: true,
	});
	expect(nodeOutput(run, 'Update Card')[0]).toMatchObject({
		id: card.id,
		name: 'Ada – 25 seats',
		value: { value: '1875.50' },
	});
	expect(nodeOutput(run, 'Move Card')[0]).toMatchObject({
		stageId: funnel.phaseIds['Proposal Sent'],
		outcome: 'NONE',
	});
	expect(nodeOutput(run, 'Win Card')[0]).toMatchObject({
		stageId: funnel.winPhaseId,
		outcome: 'WON',
	});
	expect(nodeOutput(run, 'Get Card')[0]).toMatchObject({ id: card.id, outcome: 'WON' });
	expect(nodeOutput(run, 'Won Cards').map((c) => c.id)).toEqual([card.id]);
	expect(nodeOutput(run, 'Delete Card')).toEqual([{ deleted: true, cardId: card.id }]);
	expect(nodeOutput(run, 'Delete Pipeline')).toEqual([
		{ deleted: true, pipelineId: sidePipeline.id },
	]);

	const state = await admin(sandbox, 'GET', '/pipelines');
	expect(state.pipelines.map((p: any) => p.name)).toEqual(['Lead Funnel']);
	expect(state.cards).toEqual([]);
	const contacts = (await admin(sandbox, 'GET', '/state')).contacts;
	expect(contacts.map((c: any) => [c.primaryInfo.email, c.info.name])).toEqual([
		['ada@funnel.test', { first: 'Ada', last: 'Lovelace' }],
	]);
});

test('legacy workflows: Set Up Funnel, workflow, phase and card operations, archive and restore, win phase', async () => {
	const W = 'workflows' as const;
	const grace = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Grace' }, emails: { items: [{ email: 'grace@funnel.test' }] } },
		})
	).body.contact;
	const side = "$('Create Workflow').first().json.id";
	const phase = "={{ $('Create Phase').first().json.id }}";
	const cardId = "={{ $('Create Card').first().json.id }}";
	const funnelRl = rlExpr(`${FUNNEL}.funnelId`);
	const { id, body } = chained('All legacy operations', [
		setUpFunnel(W),
		wfNode('Create Workflow', W, {
			resource: 'workflow',
			operation: 'create',
			name: 'Side Flow',
			description: 'for trying things',
		}),
		wfNode('Get Workflow', W, { resource: 'workflow', operation: 'get', workflowId: rlExpr(side) }),
		wfNode('Update Workflow', W, {
			resource: 'workflow',
			operation: 'update',
			workflowId: rlExpr(side),
			updateFields: { name: 'Side Flow 2' },
		}),
		wfNode('List Workflows', W, { resource: 'workflow', operation: 'getAll', returnAll: true }),
		wfNode(
			'Create Phase',
			W,
			{ resource: 'phase', operation: 'create', workflowId: rlExpr(side), name: 'First' },
			once,
		),
		wfNode('Create Phase 2', W, {
			resource: 'phase',
			operation: 'create',
			workflowId: rlExpr(side),
			name: 'Zero',
			options: { position: 0 },
		}),
		wfNode('Update Phase', W, {
			resource: 'phase',
			operation: 'update',
			workflowId: rlExpr(side),
			phaseId: phase,
			name: 'One',
		}),
		wfNode('Move Phase', W, {
			resource: 'phase',
			operation: 'move',
			workflowId: rlExpr(side),
			phaseId: phase,
			newPosition: 0,
		}),
		wfNode('Get Phase', W, {
			resource: 'phase',
			operation: 'get',
			workflowId: rlExpr(side),
			phaseId: phase,
		}),
		wfNode('List Phases', W, {
			resource: 'phase',
			operation: 'getAll',
			workflowId: rlExpr(side),
			returnAll: true,
		}),
		wfNode(
			'Delete Phase',
			W,
			{
				resource: 'phase',
				operation: 'delete',
				workflowId: rlExpr(side),
				phaseId: "={{ $('Create Phase 2').first().json.id }}",
			},
			once,
		),
		wfNode('Create Card', W, {
			resource: 'workflowCard',
			operation: 'create',
			workflowId: funnelRl,
			phaseId: `={{ ${FUNNEL}.phaseIds['New Lead'] }}`,
			name: 'Grace – compilers',
			contactId: rl('grace@funnel.test', 'email'),
			additionalFields: { source: 'deal-42', description: 'From the CRM' },
		}),
		wfNode('Update Card', W, {
			resource: 'workflowCard',
			operation: 'update',
			cardId,
			updateFields: { name: 'Grace – compilers (2)' },
		}),
		wfNode('Move Card', W, {
			resource: 'workflowCard',
			operation: 'move',
			cardId,
			workflowId: funnelRl,
			phaseId: `={{ ${FUNNEL}.phaseIds['Qualified'] }}`,
			options: {},
		}),
		wfNode('Get Card', W, { resource: 'workflowCard', operation: 'get', cardId }),
		wfNode('List Cards', W, {
			resource: 'workflowCard',
			operation: 'getAll',
			workflowId: funnelRl,
			returnAll: true,
			filters: { phaseId: `={{ ${FUNNEL}.phaseIds['Qualified'] }}` },
		}),
		wfNode('Archive Card', W, { resource: 'workflowCard', operation: 'archive', cardId }),
		wfNode('Archived Cards', W, {
			resource: 'workflowCard',
			operation: 'getAll',
			workflowId: funnelRl,
			returnAll: true,
			filters: { archived: true },
		}),
		wfNode('Restore Card', W, {
			resource: 'workflowCard',
			operation: 'restore',
			cardId,
			workflowId: funnelRl,
			phaseId: `={{ ${FUNNEL}.phaseIds['Negotiating'] }}`,
			options: {},
		}),
		wfNode('Win Card', W, {
			resource: 'workflowCard',
			operation: 'move',
			cardId,
			workflowId: funnelRl,
			phaseId: `={{ ${FUNNEL}.winPhaseId }}`,
			options: {},
		}),
		wfNode('Get Won Card', W, { resource: 'workflowCard', operation: 'get', cardId }),
		wfNode('Delete Workflow', W, {
			resource: 'workflow',
			operation: 'delete',
			workflowId: rlExpr(side),
		}),
	]);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	const [funnel] = nodeOutput(run, 'Set Up Funnel');
	expect(funnel).toMatchObject({ api: 'workflows', created: true, winPhaseName: 'Win' });
	expect(Object.keys(funnel.phaseIds)).toEqual([...FUNNEL_PHASES, 'Win']);
	const [sideFlow] = nodeOutput(run, 'Create Workflow');
	expect(sideFlow).toMatchObject({ name: 'Side Flow', phaseIds: [] });
	expect(sideFlow.winPhaseId).toEqual(expect.any(String));
	expect(nodeOutput(run, 'Get Workflow')[0]).toMatchObject({
		id: sideFlow.id,
		winPhaseId: sideFlow.winPhaseId,
	});
	expect(nodeOutput(run, 'Update Workflow')[0]).toEqual({
		id: sideFlow.id,
		updated: true,
		name: 'Side Flow 2',
	});
	expect(nodeOutput(run, 'List Workflows').map((w) => w.name)).toEqual([
		'Lead Funnel',
		'Side Flow 2',
	]);
	const first = nodeOutput(run, 'Create Phase')[0];
	expect(nodeOutput(run, 'Update Phase')[0]).toEqual({ id: first.id, name: 'One', updated: true });
	expect(nodeOutput(run, 'Get Phase')[0]).toMatchObject({ id: first.id, name: 'One' });
	expect(nodeOutput(run, 'List Phases').map((p) => `${p.position}:${p.name}`)).toEqual([
		'0:One',
		'1:Zero',
	]);
	expect(nodeOutput(run, 'Delete Phase')).toEqual([
		{ deleted: true, phaseId: nodeOutput(run, 'Create Phase 2')[0].id },
	]);
	const [card] = nodeOutput(run, 'Create Card');
	expect(card).toMatchObject({ contactId: grace.id, source: 'deal-42' });
	expect(nodeOutput(run, 'Update Card')[0]).toMatchObject({
		id: card.id,
		updated: true,
		name: 'Grace – compilers (2)',
	});
	expect(nodeOutput(run, 'Move Card')[0]).toMatchObject({ id: card.id, moved: true });
	expect(nodeOutput(run, 'Get Card')[0]).toMatchObject({
		id: card.id,
		name: 'Grace – compilers (2)',
		phaseId: funnel.phaseIds.Qualified,
		contactId: grace.id,
		source: 'deal-42',
	});
	expect(nodeOutput(run, 'List Cards').map((c) => c.id)).toEqual([card.id]);
	expect(nodeOutput(run, 'Archive Card')).toEqual([{ id: card.id, archived: true }]);
	expect(nodeOutput(run, 'Archived Cards').map((c) => [c.id, c.archived])).toEqual([
		[card.id, true],
	]);
	expect(nodeOutput(run, 'Restore Card')[0]).toMatchObject({ id: card.id, restored: true });
	expect(nodeOutput(run, 'Get Won Card')[0]).toMatchObject({
		id: card.id,
		phaseId: funnel.winPhaseId,
	});
	expect(nodeOutput(run, 'Delete Workflow')).toEqual([{ deleted: true, workflowId: sideFlow.id }]);

	const state = await admin(sandbox, 'GET', '/workflows');
	expect(state.workflows.map((w: any) => w.name)).toEqual(['Lead Funnel']);
	expect(state.cards).toEqual([
		expect.objectContaining({ id: card.id, phaseId: funnel.winPhaseId, archived: false }),
	]);
});

test('Continue On Fail on both APIs: the failed items carry Wix’s code, the others are written', async () => {
	const ada = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Ada' }, emails: { items: [{ email: 'ada@cof.test' }] } },
		})
	).body.contact;
	const bob = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Bob' }, emails: { items: [{ email: 'bob@cof.test' }] } },
		})
	).body.contact;
	const items = {
		id: 'items',
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [100, 0],
		parameters: {
			jsCode: `return [
				{ json: { name: 'A', contactId: '${ada.id}', stage: 'New Lead' } },
				{ json: { name: 'B', contactId: '${ada.id}', stage: 'Nowhere' } },
				{ json: { name: 'C', contactId: '${bob.id}', stage: 'Contacted' } },
			];`,
		},
	};
	const stage = (funnel: string) =>
		`={{ $('${funnel}').first().json.phaseIds[$json.stage] || '00000000-0000-4000-8000-000000000000' }}`;
	const cof = { onError: 'continueRegularOutput' };
	const { id, body } = manualWorkflow(
		'Continue on fail',
		[
			{ ...setUpFunnel('pipelines'), name: 'Pipeline Funnel', id: 'pf' },
			{ ...setUpFunnel('workflows'), name: 'Legacy Funnel', id: 'lf' },
			items,
			wfNode(
				'Pipeline Cards',
				'pipelines',
				{
					resource: 'card',
					operation: 'create',
					pipelineId: rlExpr("$('Pipeline Funnel').first().json.funnelId"),
					stageId: stage('Pipeline Funnel'),
					name: '={{ $json.name }}',
					mainContactBy: 'id',
					mainContactId: '={{ $json.contactId }}',
				},
				cof,
			),
			wfNode(
				'Legacy Cards',
				'workflows',
				{
					resource: 'workflowCard',
					operation: 'create',
					workflowId: rlExpr("$('Legacy Funnel').first().json.funnelId"),
					phaseId: `={{ $('Legacy Funnel').first().json.phaseIds[$('Items').item.json.stage === 'Nowhere' ? 'Contacted' : $('Items').item.json.stage] }}`,
					name: "={{ $('Items').item.json.name }}",
					contactId: rlExpr("$('Items').item.json.contactId"),
				},
				cof,
			),
		],
		{
			Start: ['Pipeline Funnel'],
			'Pipeline Funnel': ['Legacy Funnel'],
			'Legacy Funnel': ['Items'],
			Items: ['Pipeline Cards'],
			'Pipeline Cards': ['Legacy Cards'],
		},
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	const pipelineCards = nodeOutput(run, 'Pipeline Cards');
	expect(pipelineCards).toHaveLength(3);
	expect(pipelineCards[0]).toMatchObject({ name: 'A', mainContact: { contactId: ada.id } });
	expect(pipelineCards[1]).toMatchObject({ code: 'STAGE_NOT_FOUND', httpCode: '404' });
	expect(pipelineCards[1].error).toMatch(/Stage/);
	expect(pipelineCards[2]).toMatchObject({ name: 'C', mainContact: { contactId: bob.id } });
	// Legacy: Ada may have only one active card in the workflow; B is her second.
	const legacyCards = nodeOutput(run, 'Legacy Cards');
	expect(legacyCards).toHaveLength(3);
	expect(legacyCards[0]).toMatchObject({ name: 'A', contactId: ada.id });
	expect(legacyCards[1]).toMatchObject({ code: 'CONTACT_HAS_ACTIVE_CARD' });
	expect(legacyCards[2]).toMatchObject({ name: 'C', contactId: bob.id });

	expect((await admin(sandbox, 'GET', '/pipelines')).cards.map((c: any) => c.name).sort()).toEqual([
		'A',
		'C',
	]);
	expect((await admin(sandbox, 'GET', '/workflows')).cards.map((c: any) => c.name).sort()).toEqual([
		'A',
		'C',
	]);
});

test('the pickers: pipelines, workflows and contacts searched, stages and phases of the chosen one', async () => {
	const nodeTypeAndVersion = { name: TYPE, version: 1 };
	const credentials = { wixApiKeyApi: API_KEY_CREDENTIAL };
	const ok = async (method: string, path: string, payload?: unknown) => {
		const { status, body } = await wix(sandbox, method, path, payload);
		if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(body)}`);
		return body;
	};
	const pipelines: Record<string, any> = {};
	for (const name of ['Sales Funnel', 'Sales Renewals', 'Hiring'])
		pipelines[name] = (
			await ok('POST', '/crm/pipelines/v1/pipelines', {
				pipeline: {
					name,
					stages: [{ name: 'New' }, { name: 'Talking' }],
					doneStage: { name: 'Closed', allowedOutcomes: ['WON', 'LOST'] },
				},
			})
		).pipeline;
	const workflows: Record<string, string> = {};
	for (const name of ['Lead Funnel', 'Lead Nurture', 'Support']) {
		workflows[name] = (await ok('POST', '/workflows/v1/workflows', { workflow: { name } })).id;
	}
	const phase = (
		await ok('POST', `/workflows/v1/workflows/${workflows['Lead Funnel']}/phases`, {
			phase: { name: 'New Lead' },
		})
	).id;
	const win = (await ok('GET', `/workflows/v1/workflows/${workflows['Lead Funnel']}`)).workflow
		.winPhase.info.id;

	const search = async (
		methodName: string,
		path: string,
		filter: string,
		params: Record<string, unknown>,
	) =>
		(
			await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion,
				path,
				methodName,
				filter,
				currentNodeParameters: { authentication: 'apiKey', ...params },
				credentials,
			})
		).data.results as Array<{ name: string; value: string }>;
	const options = async (methodName: string, path: string, params: Record<string, unknown>) =>
		(
			await n8n.rest('POST', '/dynamic-node-parameters/options', {
				nodeTypeAndVersion,
				path,
				methodName,
				currentNodeParameters: { authentication: 'apiKey', ...params },
				credentials,
			})
		).data as Array<{ name: string; value: string }>;

	const cardCreate = { api: 'pipelines', resource: 'card', operation: 'create' };
	expect(await search('searchPipelines', 'parameters.pipelineId', 'sales', cardCreate)).toEqual([
		{ name: 'Sales Funnel', value: pipelines['Sales Funnel'].id },
		{ name: 'Sales Renewals', value: pipelines['Sales Renewals'].id },
	]);
	const hiring = pipelines.Hiring;
	expect(
		(
			await options('getStages', 'parameters.stageId', {
				...cardCreate,
				pipelineId: rl(hiring.id),
			})
		).map((o) => [o.name, o.value]),
	).toEqual([
		['New', hiring.stages[0].id],
		['Talking', hiring.stages[1].id],
		['Closed (Done Stage)', hiring.doneStage.id],
	]);

	const legacyCard = { api: 'workflows', resource: 'workflowCard', operation: 'move' };
	expect(await search('searchWorkflows', 'parameters.workflowId', 'lead', legacyCard)).toEqual([
		{ name: 'Lead Funnel', value: workflows['Lead Funnel'] },
		{ name: 'Lead Nurture', value: workflows['Lead Nurture'] },
	]);
	expect(
		(
			await options('getPhasesWithWin', 'parameters.phaseId', {
				...legacyCard,
				workflowId: rl(workflows['Lead Funnel'], 'list'),
			})
		).map((o) => [o.name, o.value]),
	).toEqual([
		['New Lead', phase],
		['Win (Win Phase)', win],
	]);
	await ok('POST', '/contacts/v4/contacts', {
		info: { name: { first: 'Grace' }, emails: { items: [{ email: 'grace@pick.test' }] } },
	});
	await ok('POST', '/contacts/v4/contacts', { info: { name: { first: 'Alan' } } });
	expect(
		(
			await search('searchContacts', 'parameters.contactId', 'grace', {
				api: 'workflows',
				resource: 'workflowCard',
				operation: 'create',
			})
		).map((r) => r.name),
	).toEqual(['Grace (grace@pick.test)']);
	expect(
		(
			await options('getPhases', 'parameters.phaseId', {
				api: 'workflows',
				resource: 'phase',
				operation: 'update',
				workflowId: rl(workflows['Lead Funnel']),
			})
		).map((o) => o.value),
	).toEqual([phase]);
});
