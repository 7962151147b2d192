// The Wix Workflows node's pickers (list search and load options) against the sandbox, called the
// way the editor calls them: with the unsaved values of the node's other parameters.
import type { ILoadOptionsFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { WixWorkflows } from '../../../nodes/Wix/Workflows/WixWorkflows.node';
import { sendHttp } from '../../helpers/executeContext';
import { apiKeyCredentials, useTestSandbox } from '../../helpers/sandbox';
import { workflowsNode } from '../../helpers/workflowsNode';

const sandbox = useTestSandbox();
const { ok } = workflowsNode(sandbox, 'pipelines');
const { methods } = new WixWorkflows();

function editor(current: Record<string, string>): ILoadOptionsFunctions {
	const credentials = apiKeyCredentials(sandbox).data;
	const headers = { Authorization: sandbox.creds.apiKey, 'wix-site-id': sandbox.creds.siteId };
	return {
		getNodeParameter: (name: string, fallback: unknown) => current[name] ?? fallback,
		getCurrentNodeParameter: (name: string) => current[name],
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Wix Workflows' }),
		helpers: {
			httpRequestWithAuthentication: async (_: string, options: IHttpRequestOptions) =>
				await sendHttp({ ...options, headers: { ...options.headers, ...headers } }),
		},
	} as unknown as ILoadOptionsFunctions;
}

it('lists pipelines by name, and a pipeline’s stages with its done stage last', async () => {
	const { pipeline } = await ok('POST', '/crm/pipelines/v1/pipelines', {
		pipeline: {
			name: 'Sales',
			stages: [{ name: 'New' }, { name: 'Won over' }],
			doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
		},
	});
	await ok('POST', '/crm/pipelines/v1/pipelines', {
		pipeline: {
			name: 'Hiring',
			stages: [{ name: 'A' }],
			doneStage: { allowedOutcomes: ['NONE'], name: 'Hired' },
		},
	});
	const all = await methods.listSearch.searchPipelines.call(editor({}));
	expect(all.results.map((r) => r.name)).toEqual(['Hiring', 'Sales']);
	const found = await methods.listSearch.searchPipelines.call(editor({}), 'sal');
	expect(found.results).toEqual([{ name: 'Sales', value: pipeline.id }]);
	const stages = await methods.loadOptions.getStages.call(editor({ pipelineId: pipeline.id }));
	expect(stages.map((s) => s.name)).toEqual(['New', 'Won over', 'Done (Done Stage)']);
	expect(stages[2].value).toBe(pipeline.doneStage.id);
	expect(await methods.loadOptions.getStages.call(editor({}))).toEqual([]);
});

it('lists workflows by name, and a workflow’s phases with or without the win phase', async () => {
	const { id } = await ok('POST', '/workflows/v1/workflows', { workflow: { name: 'Lead Funnel' } });
	await ok('POST', '/workflows/v1/workflows', { workflow: { name: 'Other' } });
	for (const name of ['New Lead', 'Contacted'])
		await ok('POST', `/workflows/v1/workflows/${id}/phases`, { phase: { name } });
	const found = await methods.listSearch.searchWorkflows.call(editor({}), 'lead');
	expect(found.results).toEqual([{ name: 'Lead Funnel', value: id }]);
	const phases = await methods.loadOptions.getPhases.call(editor({ workflowId: id }));
	expect(phases.map((p) => p.name)).toEqual(['New Lead', 'Contacted']);
	const withWin = await methods.loadOptions.getPhasesWithWin.call(editor({ workflowId: id }));
	expect(withWin.map((p) => p.name)).toEqual(['New Lead', 'Contacted', 'Win (Win Phase)']);
});
