// The Wix Workflows node's pure parts: Set Up Funnel's and Update Pipeline's stage plans, the
// error hints of its three API modules, and that every operation the node shows is routed.
import * as cardsApi from '../../nodes/Wix/api/cards';
import * as pipelinesApi from '../../nodes/Wix/api/pipelines';
import * as workflowsApi from '../../nodes/Wix/api/workflows';
import { summarizeWixError } from '../../nodes/Wix/transport/errors';
import { WixWorkflows } from '../../nodes/Wix/Workflows/WixWorkflows.node';
import { badNames, planMissing, planStageUpdate } from '../../nodes/Wix/Workflows/stages';

describe('planMissing', () => {
	it('adds missing names right after the wanted name before them, keeping others in place', () => {
		expect(planMissing([], ['A', 'B', 'C'])).toEqual({
			insertions: [
				{ name: 'A', position: 0 },
				{ name: 'B', position: 1 },
				{ name: 'C', position: 2 },
			],
			order: ['A', 'B', 'C'],
		});
		expect(planMissing(['A', 'X', 'C'], ['A', 'B', 'C', 'D'])).toEqual({
			insertions: [
				{ name: 'B', position: 1 },
				{ name: 'D', position: 4 },
			],
			order: ['A', 'B', 'X', 'C', 'D'],
		});
		expect(planMissing(['B'], ['A', 'B'])).toEqual({
			insertions: [{ name: 'A', position: 0 }],
			order: ['A', 'B'],
		});
	});

	it('plans nothing when every wanted name is there (running Set Up Funnel again changes nothing)', () => {
		const { order } = planMissing([], ['New Lead', 'Contacted', 'Qualified']);
		expect(planMissing(order, ['New Lead', 'Contacted', 'Qualified']).insertions).toEqual([]);
	});
});

describe('badNames', () => {
	it('finds empty and duplicate names, ignoring case and spaces', () => {
		expect(badNames(['A', ' ', 'b', 'B ', 'c'])).toEqual({ empty: [1], duplicates: ['B'] });
		expect(badNames(['A', 'B'])).toEqual({ empty: [], duplicates: [] });
	});
});

describe('planStageUpdate', () => {
	const current = [
		{ id: 's1', name: 'New', staleDurationInHours: 24 },
		{ id: 's2', name: 'Contacted' },
		{ id: 's3', name: 'Proposal' },
	];

	it('renames, adds and reorders; unlisted stages follow in their order unless removed', () => {
		const entries = [
			{ stage: 'Proposal' },
			{ stage: 's1', newName: 'Fresh' },
			{ newName: 'Negotiating' },
		];
		expect(planStageUpdate(current, entries, false)).toEqual([
			{ id: 's3', name: 'Proposal' },
			{ id: 's1', name: 'Fresh', staleDurationInHours: 24 },
			{ name: 'Negotiating' },
			{ id: 's2', name: 'Contacted' },
		]);
		expect(planStageUpdate(current, entries, true)).toHaveLength(3);
	});

	it('names the entry that cannot be applied', () => {
		expect(() => planStageUpdate(current, [{ stage: 'Nope' }], false)).toThrow(
			'Stage entry 1: "Nope" is not a stage of this pipeline',
		);
		expect(() =>
			planStageUpdate(current, [{ stage: 's2' }, { stage: 'Contacted' }], false),
		).toThrow('listed twice');
		expect(() => planStageUpdate(current, [{}], false)).toThrow('neither a stage nor a new name');
	});
});

describe('error hints', () => {
	const appError = (status: number, code: string, data?: Record<string, unknown>) => ({
		status,
		body: { message: code, details: { applicationError: { code, description: code, data } } },
	});

	it.each([
		[pipelinesApi.errors, appError(404, 'PIPELINE_NOT_FOUND'), /field pipelineId/],
		[cardsApi.errors, appError(400, 'STAGE_NOT_FOUND'), /field stageId.*card’s own pipeline/],
		[cardsApi.errors, appError(404, 'CONTACTS_NOT_FOUND', { contactIds: ['c1'] }), /mainContact/],
		[cardsApi.errors, appError(400, 'INVALID_OUTCOME'), /done stage/],
		[pipelinesApi.errors, appError(400, 'MAX_PIPELINES_REACHED', { limit: 20 }), /Set Up Funnel/],
		[pipelinesApi.errors, appError(400, 'CANNOT_DELETE_NON_EMPTY_PIPELINE'), /still has cards/],
		[cardsApi.errors, { status: 409, body: {} }, /field revision/],
		[workflowsApi.workflowErrors, { status: 403, body: {} }, /at most 30 workflows/],
		[workflowsApi.phaseErrors, { status: 404, body: {} }, /Phase/],
		[workflowsApi.cardErrors, { status: 404, body: {} }, /Card ID/],
		[workflowsApi.cardErrors, { status: 400, body: {} }, /only one active card per workflow/],
		[workflowsApi.phaseErrors, appError(400, 'OUT_OF_RANGE'), /0-based/],
	])('%#: says what to do', (api, failure, hint) => {
		const summary = summarizeWixError(failure, api);
		expect(summary.description).toMatch(hint);
	});

	it('names the data Wix sends', () => {
		const summary = summarizeWixError(
			appError(404, 'CONTACTS_NOT_FOUND', { contactIds: ['c1', 'c2'] }),
			cardsApi.errors,
		);
		expect(summary.message).toBe('CONTACTS_NOT_FOUND (contact IDs: c1, c2) [CONTACTS_NOT_FOUND]');
	});
});

describe('node description', () => {
	const { description } = new WixWorkflows();

	it('is the Wix Workflows node, usable as a tool, with the API choice first after authentication', () => {
		expect(description.name).toBe('wixWorkflows');
		expect(description.usableAsTool).toBe(true);
		expect(description.properties[1]).toMatchObject({ name: 'api', default: 'pipelines' });
	});

	it('offers the resources and operations of the issue on each API', () => {
		const resources = description.properties.filter((p) => p.name === 'resource');
		const values = (api: string) =>
			resources
				.find((r) => r.displayOptions?.show?.api?.includes(api))!
				.options!.map((o) => (o as { value: string }).value)
				.sort();
		expect(values('pipelines')).toEqual(['card', 'funnel', 'pipeline']);
		expect(values('workflows')).toEqual(['funnel', 'phase', 'workflow', 'workflowCard']);
		const operations = (resource: string) =>
			description.properties
				.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
				)!
				.options!.map((o) => (o as { value: string }).value)
				.sort();
		expect(operations('pipeline')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
		expect(operations('card')).toEqual(['create', 'delete', 'get', 'getAll', 'move', 'update']);
		expect(operations('workflow')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
		expect(operations('phase')).toEqual(['create', 'delete', 'get', 'getAll', 'move', 'update']);
		expect(operations('workflowCard')).toEqual([
			'archive',
			'create',
			'delete',
			'get',
			'getAll',
			'move',
			'restore',
			'update',
		]);
		expect(operations('funnel')).toEqual(['setUp']);
	});
});
