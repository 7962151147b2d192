import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchContacts } from '../contact/listSearch';
import { searchSites, siteProperty } from '../shared/site';
import { authenticationProperty } from '../shared/descriptions';
import * as card from './actions/card';
import * as funnel from './actions/funnel';
import * as phase from './actions/phase';
import * as pipeline from './actions/pipeline';
import { router } from './actions/router';
import * as workflow from './actions/workflow';
import * as workflowCard from './actions/workflowCard';
import { apiProperty } from './descriptions';
import { searchPipelines, searchWorkflows } from './methods/listSearch';
import { getPhases, getPhasesWithWin, getStages } from './methods/loadOptions';

export class WixWorkflows implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Workflows',
		name: 'wixWorkflows',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run the lead funnels of a Wix site: pipelines, stages and cards, or legacy workflows, phases and cards',
		defaults: { name: 'Wix Workflows' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Spelled out (not spread from shared) so n8n's lint rules can read them.
		credentials: [
			{
				name: 'wixApiKeyApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'wixOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			apiProperty,
			siteProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { api: ['pipelines'] } },
				options: [
					{ name: 'Card', value: 'card' },
					{ name: 'Funnel', value: 'funnel' },
					{ name: 'Pipeline', value: 'pipeline' },
				],
				default: 'card',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { api: ['workflows'] } },
				options: [
					{ name: 'Card', value: 'workflowCard' },
					{ name: 'Funnel', value: 'funnel' },
					{ name: 'Phase', value: 'phase' },
					{ name: 'Workflow', value: 'workflow' },
				],
				default: 'workflowCard',
			},
			...card.description,
			...funnel.description,
			...phase.description,
			...pipeline.description,
			...workflow.description,
			...workflowCard.description,
		],
	};

	methods = {
		listSearch: { searchContacts, searchPipelines, searchSites, searchWorkflows },
		loadOptions: { getPhases, getPhasesWithWin, getStages },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
