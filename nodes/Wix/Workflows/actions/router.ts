import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as card from './card';
import * as funnel from './funnel';
import * as phase from './phase';
import * as pipeline from './pipeline';
import * as workflow from './workflow';
import * as workflowCard from './workflowCard';

// Resource values differ between the two APIs (card on pipelines, workflowCard on legacy
// workflows), so one table serves both. Items run one after another: phases and cards have
// positions, and an item may depend on what the one before it made.
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		pipeline: {
			create: pipeline.create,
			delete: pipeline.delete,
			get: pipeline.get,
			getAll: pipeline.getAll,
			update: pipeline.update,
		},
		card: {
			create: card.create,
			delete: card.delete,
			get: card.get,
			getAll: card.getAll,
			move: card.move,
			update: card.update,
		},
		workflow: {
			create: workflow.create,
			delete: workflow.delete,
			get: workflow.get,
			getAll: workflow.getAll,
			update: workflow.update,
		},
		phase: {
			create: phase.create,
			delete: phase.delete,
			get: phase.get,
			getAll: phase.getAll,
			move: phase.move,
			update: phase.update,
		},
		workflowCard: {
			archive: workflowCard.archive,
			create: workflowCard.create,
			delete: workflowCard.delete,
			get: workflowCard.get,
			getAll: workflowCard.getAll,
			move: workflowCard.move,
			restore: workflowCard.restore,
			update: workflowCard.update,
		},
		funnel: { setUp: funnel.setUp },
	});
}
