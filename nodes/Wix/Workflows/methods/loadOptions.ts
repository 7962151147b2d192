import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../api/pipelines';
import * as workflowsApi from '../../api/workflows';
import { wixApiRequest } from '../../transport';

function currentValue(ctx: ILoadOptionsFunctions, name: string): string {
	const value = ctx.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' ? value.trim() : '';
}

/** The chosen pipeline's stages in order, then its done stage. */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelineId = currentValue(this, 'pipelineId');
	if (!pipelineId) return [];
	const { pipeline } = await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
		this,
		pipelinesApi.get(pipelineId),
	);
	const stages = (pipeline.stages ?? []).map((s, index) => ({
		name: s.name ?? String(s.id),
		value: String(s.id),
		description: `Stage ${index + 1}`,
	}));
	const done = pipeline.doneStage;
	if (done?.id)
		stages.push({
			name: `${done.name ?? 'Done'} (Done Stage)`,
			value: done.id,
			description: `Done stage; outcomes: ${(done.allowedOutcomes ?? []).join(', ')}`,
		});
	return stages;
}

async function phasesOf(
	ctx: ILoadOptionsFunctions,
	withWin: boolean,
): Promise<INodePropertyOptions[]> {
	const workflowId = currentValue(ctx, 'workflowId');
	if (!workflowId) return [];
	const { workflow } = await wixApiRequest<{ workflow: workflowsApi.LegacyWorkflow }>(
		ctx,
		workflowsApi.getWorkflow(workflowId, 0),
	);
	const phases = (workflow.phasesList?.phases ?? []).map((p, index) => ({
		name: p.info?.name ?? String(p.info?.id),
		value: String(p.info?.id),
		description: `Position ${index}`,
	}));
	const win = workflow.winPhase?.info;
	if (withWin && win?.id)
		phases.push({
			name: `${win.name ?? 'Win'} (Win Phase)`,
			value: win.id,
			description: 'Win phase',
		});
	return phases;
}

/** The chosen workflow's active phases in display order. */
export async function getPhases(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await phasesOf(this, false);
}

/** The chosen workflow's active phases in display order, then its win phase. */
export async function getPhasesWithWin(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await phasesOf(this, true);
}
