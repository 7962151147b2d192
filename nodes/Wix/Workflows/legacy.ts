// Legacy workflow records as the node outputs them: the raw shape Wix sends, plus the IDs people
// reach for lifted to the top level (no `{{ $json.workflow.winPhase.info.id }}`).
import type { IDataObject } from 'n8n-workflow';

import type { LegacyCard, LegacyPhase, LegacyWorkflow } from '../api/workflows';

export function workflowOutput(workflow: LegacyWorkflow): IDataObject {
	const phases = workflow.phasesList?.phases ?? [];
	return {
		id: workflow.info?.id,
		name: workflow.info?.name,
		winPhaseId: workflow.winPhase?.info?.id,
		phaseIds: phases.map((p) => p.info?.id),
		...(workflow as IDataObject),
	};
}

export function phaseOutput(phase: LegacyPhase, extra: IDataObject = {}): IDataObject {
	return { id: phase.info?.id, name: phase.info?.name, ...extra, ...(phase as IDataObject) };
}

export function cardOutput(card: LegacyCard, extra: IDataObject = {}): IDataObject {
	const info = card.info ?? {};
	return { ...(info as IDataObject), contactId: info.primaryAttachment?.contactId, ...extra };
}
