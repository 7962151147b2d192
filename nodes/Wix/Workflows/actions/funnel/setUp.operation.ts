// Set Up Funnel: a funnel (pipeline or legacy workflow) with these phases, made or completed, and
// every phase's ID by name in one item. Found by exact name; only what is missing is written, in
// order, so running it again changes nothing.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import * as workflowsApi from '../../../api/workflows';
import { wixApiRequest, wixApiRequestAllItems } from '../../../transport';
import { outcomeOptions } from '../../descriptions';
import { writeAtRevision } from '../../revision';
import { badNames, planMissing } from '../../stages';

const properties: INodeProperties[] = [
	{
		displayName: 'Funnel Name',
		name: 'funnelName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Lead Funnel',
		description:
			'The pipeline (or legacy workflow) with exactly this name is used; one is created when there is none',
	},
	{
		displayName: 'Phases',
		name: 'phases',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Phase',
		description:
			'The phases (stages) in order, not counting the win (done) stage, which every funnel has. Missing ones are added in this order; existing ones are left as they are.',
		options: [
			{
				displayName: 'Phase',
				name: 'phase',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. New Lead',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { api: ['pipelines'] } },
		description: 'Used only when the pipeline is created',
		options: [
			{
				displayName: 'Allowed Outcomes',
				name: 'allowedOutcomes',
				type: 'multiOptions',
				options: outcomeOptions,
				default: ['WON', 'LOST'],
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'e.g. USD',
			},
			{
				displayName: 'Done Stage Name',
				name: 'doneStageName',
				type: 'string',
				default: 'Done',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['funnel'], operation: ['setUp'] } },
	properties,
);

interface FunnelInput {
	name: string;
	phases: string[];
}

function readInput(ctx: IExecuteFunctions, i: number): FunnelInput {
	const name = String(ctx.getNodeParameter('funnelName', i, '') ?? '').trim();
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex: i, description });
	if (!name)
		throw fail(
			'No funnel name given (parameter "Funnel Name")',
			'Give the funnel a name: it is how the funnel is found again next time',
		);
	const rows = (ctx.getNodeParameter('phases.phase', i, []) as Array<{ name?: string }>) ?? [];
	const phases = rows.map((r) => String(r.name ?? ''));
	const { empty, duplicates } = badNames(phases);
	if (empty.length)
		throw fail(
			`Phase ${empty[0] + 1} has no name (parameter "Phases")`,
			'Give every phase a name, or remove the empty one',
		);
	if (duplicates.length)
		throw fail(
			`Phase names must differ: "${duplicates.join('", "')}" is listed twice (parameter "Phases")`,
			'List each phase once: the output gives each phase’s ID by its name',
		);
	return { name, phases: phases.map((p) => p.trim()) };
}

interface Phase {
	id: string;
	name: string;
}

function output(
	api: string,
	funnelId: string,
	name: string,
	created: boolean,
	added: string[],
	phases: Phase[],
	win: Phase,
): IDataObject {
	const phaseIds: IDataObject = {};
	for (const p of [...phases, win]) phaseIds[p.name] = p.id;
	return {
		api,
		funnelId,
		[api === 'pipelines' ? 'pipelineId' : 'workflowId']: funnelId,
		name,
		created,
		addedPhases: added,
		phaseIds,
		winPhaseId: win.id,
		winPhaseName: win.name,
		phases: [...phases, win].map((p) => ({ ...p })),
	};
}

async function setUpPipeline(
	ctx: IExecuteFunctions,
	input: FunnelInput,
	i: number,
): Promise<IDataObject> {
	const options = ctx.getNodeParameter('options', i, {}) as {
		allowedOutcomes?: string[];
		currency?: string;
		doneStageName?: string;
	};
	const query = {
		filter: { name: input.name },
		sort: [{ fieldName: 'createdDate', order: 'ASC' }],
	};
	const found = (
		await wixApiRequestAllItems<pipelinesApi.WixPipeline>(ctx, pipelinesApi.query(query), i)
	).find((p) => (p.name ?? '').trim() === input.name);
	const tooMany = (count: number) =>
		new NodeOperationError(
			ctx.getNode(),
			`A pipeline has 1 to ${pipelinesApi.MAX_STAGES} stages; this funnel would have ${count} (parameter "Phases")`,
			{ itemIndex: i },
		);
	const phasesOf = (p: pipelinesApi.WixPipeline) => ({
		phases: (p.stages ?? []).map((s) => ({ id: String(s.id), name: String(s.name) })),
		win: { id: String(p.doneStage?.id), name: String(p.doneStage?.name) },
	});

	if (!found) {
		const doneName = options.doneStageName?.trim() || 'Done';
		const stages = input.phases.filter((n) => n !== doneName);
		if (stages.length === 0)
			throw new NodeOperationError(
				ctx.getNode(),
				'A new pipeline needs at least one stage besides the done stage (parameter "Phases")',
				{ itemIndex: i },
			);
		if (stages.length > pipelinesApi.MAX_STAGES) throw tooMany(stages.length);
		const outcomes = options.allowedOutcomes?.length ? options.allowedOutcomes : ['WON', 'LOST'];
		const pipeline: pipelinesApi.WixPipeline = {
			name: input.name,
			stages: stages.map((name) => ({ name })),
			doneStage: { name: doneName, allowedOutcomes: outcomes as Array<'WON' | 'LOST' | 'NONE'> },
			...(options.currency?.trim() ? { currency: options.currency.trim().toUpperCase() } : {}),
		};
		const created = (
			await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
				ctx,
				pipelinesApi.create(pipeline),
				i,
			)
		).pipeline;
		const { phases, win } = phasesOf(created);
		return output('pipelines', String(created.id), input.name, true, stages, phases, win);
	}

	const id = String(found.id);
	let current = found;
	let added: string[] = [];
	let first = true;
	const result = await writeAtRevision(
		ctx,
		undefined,
		async () => {
			if (!first)
				current = (
					await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(ctx, pipelinesApi.get(id), i)
				).pipeline;
			first = false;
			return String(current.revision ?? '');
		},
		async (revision) => {
			const existing = current.stages ?? [];
			const wanted = input.phases.filter((n) => n !== current.doneStage?.name);
			const { insertions, order } = planMissing(
				existing.map((s) => String(s.name)),
				wanted,
			);
			added = insertions.map((x) => x.name);
			if (!insertions.length) return current;
			if (order.length > pipelinesApi.MAX_STAGES) throw tooMany(order.length);
			const stages = order.map((name) => {
				const stage = existing.find((s) => s.name === name);
				return stage ? { ...stage } : { name };
			});
			return (
				await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
					ctx,
					pipelinesApi.update({ id, revision, stages }),
					i,
				)
			).pipeline;
		},
	);
	const { phases, win } = phasesOf(result);
	return output('pipelines', id, input.name, false, added, phases, win);
}

async function setUpWorkflow(
	ctx: IExecuteFunctions,
	input: FunnelInput,
	i: number,
): Promise<IDataObject> {
	const all = await wixApiRequestAllItems<workflowsApi.LegacyWorkflowInfo>(
		ctx,
		workflowsApi.listWorkflows('createdDate:asc'),
		i,
	);
	let workflowId = all.find((w) => (w.name ?? '').trim() === input.name)?.id;
	const created = !workflowId;
	if (!workflowId)
		workflowId = (
			await wixApiRequest<{ id: string }>(ctx, workflowsApi.createWorkflow({ name: input.name }), i)
		).id;
	const { workflow } = await wixApiRequest<{ workflow: workflowsApi.LegacyWorkflow }>(
		ctx,
		workflowsApi.getWorkflow(workflowId, 0),
		i,
	);
	const phases: Phase[] = (workflow.phasesList?.phases ?? []).map((p) => ({
		id: String(p.info?.id),
		name: String(p.info?.name),
	}));
	const win: Phase = {
		id: String(workflow.winPhase?.info?.id),
		name: String(workflow.winPhase?.info?.name ?? 'Win'),
	};
	const wanted = input.phases.filter((n) => n !== win.name);
	const { insertions } = planMissing(
		phases.map((p) => p.name),
		wanted,
	);
	for (const { name, position } of insertions) {
		// Last (before the win phase) needs no position; anywhere else shifts the rest down.
		const at = position >= phases.length ? undefined : position;
		const { id } = await wixApiRequest<{ id: string }>(
			ctx,
			workflowsApi.createPhase(workflowId, name, at),
			i,
		);
		phases.splice(position, 0, { id, name });
	}
	return output(
		'workflows',
		workflowId,
		input.name,
		created,
		insertions.map((x) => x.name),
		phases,
		win,
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const input = readInput(this, i);
	const api = this.getNodeParameter('api', i, 'pipelines') as string;
	return api === 'workflows'
		? await setUpWorkflow(this, input, i)
		: await setUpPipeline(this, input, i);
}
