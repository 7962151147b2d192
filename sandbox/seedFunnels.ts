// The demo seed's lead funnels: one pipeline and one legacy workflow with the seed's five phases
// and a few cards on demo contacts, so the node's pickers show something in `npm start`.
import { createCard as createPipelineCard, moveCard } from './pipelines/cards';
import { createPipeline } from './pipelines/pipelines';
import type { PipelinesContext } from './pipelines/store';
import { createCard as createWorkflowCard } from './workflows/cards';
import { createPhase } from './workflows/phases';
import type { WorkflowsContext } from './workflows/store';
import { createWorkflow } from './workflows/workflows';

export const FUNNEL_STAGES = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

export function seedFunnels(ctx: WorkflowsContext & PipelinesContext, contactIds: string[]) {
	const { pipeline } = createPipeline(ctx, {
		pipeline: {
			name: 'Sales Pipeline',
			stages: FUNNEL_STAGES.map((name) => ({ name })),
			doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
		},
	});
	const stageIds = pipeline.stages!.map((s) => s.id!);
	contactIds.slice(0, 6).forEach((contactId, k) => {
		const { card } = createPipelineCard(ctx, {
			card: {
				name: `Deal ${k + 1}`,
				pipelineId: pipeline.id,
				stageId: stageIds[k % stageIds.length],
				mainContact: { contactId },
				value: { value: String(500 * (k + 1)) },
			},
		});
		if (k === 5)
			moveCard(ctx, card.id!, { stageId: pipeline.doneStage!.id, revision: '1', outcome: 'WON' });
	});

	const { id: workflowId } = createWorkflow(ctx, {
		workflow: { name: 'Lead Funnel', description: 'Shows where contacts are in the lead funnel.' },
	});
	const phaseIds = FUNNEL_STAGES.map(
		(name) => createPhase(ctx, workflowId, { phase: { name } }).id,
	);
	contactIds.slice(6, 11).forEach((contactId, k) => {
		createWorkflowCard(ctx, workflowId, phaseIds[k % phaseIds.length], {
			card: { name: `Lead ${k + 1}`, primaryAttachment: { contactId }, source: 'Demo CRM' },
		});
	});
}
