// Parameters several Wix Workflows operations share: the API choice, the pipeline and workflow
// pickers, stage and phase pickers, and how their values are read.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GUID_REGEX } from '../shared/descriptions';

export const apiProperty: INodeProperties = {
	displayName: 'API',
	name: 'api',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Pipelines (Current)',
			value: 'pipelines',
			description: 'CRM Pipelines & Cards, the API Wix recommends',
		},
		{
			name: 'Workflows (Legacy)',
			value: 'workflows',
			description: 'The deprecated Workflows API, for sites whose funnels still live there',
		},
	],
	default: 'pipelines',
};

const guidMode = (what: string) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
	validation: [
		{
			type: 'regex' as const,
			properties: {
				regex: `^\\s*${GUID_REGEX}\\s*$`,
				errorMessage: `Not a valid Wix ${what} ID (a GUID)`,
			},
		},
	],
});

export const pipelineLocator: INodeProperties = {
	displayName: 'Pipeline',
	name: 'pipelineId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPipelines', searchable: true },
		},
		guidMode('pipeline'),
	],
	description: 'The pipeline to act on',
};

export const workflowLocator: INodeProperties = {
	displayName: 'Workflow',
	name: 'workflowId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWorkflows', searchable: true },
		},
		guidMode('workflow'),
	],
	description: 'The legacy workflow to act on',
};

/** A stage of the chosen pipeline, the done stage included. */
export function stageProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name: 'stageId',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getStages',
			loadOptionsDependsOn: ['pipelineId.value', 'site.value'],
		},
		default: '',
		description:
			'The stage of the pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

/** A phase of the chosen workflow; `withWin` adds the win phase. */
export function phaseProperty(
	withWin: boolean,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Phase Name or ID',
		name: 'phaseId',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: withWin ? 'getPhasesWithWin' : 'getPhases',
			loadOptionsDependsOn: ['workflowId.value', 'site.value'],
		},
		default: '',
		required: true,
		description:
			'The phase of the workflow. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

export function cardIdProperty(description = 'ID of the card'): INodeProperties {
	return {
		displayName: 'Card ID',
		name: 'cardId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
		description,
	};
}

export const outcomeOptions = [
	{ name: 'Won', value: 'WON' },
	{ name: 'Lost', value: 'LOST' },
	{ name: 'None', value: 'NONE' },
];

export const priorityOptions = [
	{ name: 'P1 Urgent', value: 'P1_URGENT' },
	{ name: 'P2 High', value: 'P2_HIGH' },
	{ name: 'P3 Medium', value: 'P3_MEDIUM' },
	{ name: 'P4 Low', value: 'P4_LOW' },
];

/** A parameter's value (a resource locator's value, or plain text), trimmed; empty is an error. */
export function requiredValue(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): string {
	const value = String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `No ${label} given (parameter "${label}")`, {
			itemIndex: i,
			description: `Pick the ${label.toLowerCase()} from the list, or give its ID`,
		});
	}
	return value;
}

/** An optional parameter's value, trimmed; undefined when empty. */
export function optionalValue(ctx: IExecuteFunctions, name: string, i: number): string | undefined {
	const value = String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
	return value || undefined;
}

/** A date or date-time from a parameter as the ISO string Wix takes. */
export function isoDate(ctx: IExecuteFunctions, value: unknown, field: string, i: number): string {
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `"${String(value)}" is not a date (${field})`, {
			itemIndex: i,
			description: 'Give a date such as 2025-06-30 or 2025-06-30T17:00:00Z',
		});
	}
	return date.toISOString();
}

/** An optional 0-based position; undefined when not given. */
export function positionOf(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	i: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Position must be a whole number from 0 up (${field}: ${String(value)})`,
			{ itemIndex: i, description: 'Positions are 0-based: 0 is the top' },
		);
	}
	return n;
}
