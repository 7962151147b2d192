import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as workflowsApi from '../../../api/workflows';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequestAllItems } from '../../../transport';
import { requiredValue, workflowLocator } from '../../descriptions';
import { phaseOutput } from '../../legacy';

const properties: INodeProperties[] = [workflowLocator, ...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['phase'], operation: ['getAll'] } },
	properties,
);

/** The active phases in display order, each with its 0-based position (the win phase is not listed). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const workflowId = requiredValue(this, 'workflowId', 'Workflow', i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const phases = await wixApiRequestAllItems<workflowsApi.LegacyPhase>(
		this,
		workflowsApi.listPhases(workflowId, limit),
		i,
	);
	return phases.map((phase, position) => phaseOutput(phase, { position, workflowId }));
}
