import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import { optionsCollection } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';
import { outcomeOptions } from '../../descriptions';
import { badNames } from '../../stages';

export const stagesCollection = (description: string): INodeProperties => ({
	displayName: 'Stages',
	name: 'stages',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	placeholder: 'Add Stage',
	description,
	options: [
		{
			displayName: 'Stage',
			name: 'stage',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Contacted',
					description: 'Stage name (1–40 characters)',
				},
				{
					displayName: 'Stale After (Hours)',
					name: 'staleDurationInHours',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Hours a card may stay in this stage before it is marked stale (0: never)',
				},
			],
		},
	],
});

export const doneStageFields: INodeProperties[] = [
	{
		displayName: 'Done Stage Name',
		name: 'doneStageName',
		type: 'string',
		default: 'Done',
		description: 'Name of the final stage, where cards get their outcome',
	},
	{
		displayName: 'Allowed Outcomes',
		name: 'allowedOutcomes',
		type: 'multiOptions',
		options: outcomeOptions,
		default: ['WON', 'LOST'],
		description: 'Outcomes a card may have in the done stage',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'e.g. USD',
		description:
			'ISO 4217 code for the card values of this pipeline; the site’s currency when empty. Cannot change later.',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Lead Funnel',
		description: 'Pipeline name (1–60 characters)',
	},
	stagesCollection('The stages in order (1 to 30), before the done stage'),
	optionsCollection(doneStageFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['pipeline'], operation: ['create'] } },
	properties,
);

export interface StageInput {
	name?: string;
	staleDurationInHours?: number;
}

/** The stages parameter as Wix stages, checked: names present and unique, 1 to 30 of them. */
export function stagesOf(
	ctx: IExecuteFunctions,
	input: StageInput[],
	i: number,
): pipelinesApi.WixStage[] {
	const { empty, duplicates } = badNames(input.map((s) => s.name ?? ''));
	const problem = empty.length
		? `Stage ${empty[0] + 1} has no name`
		: duplicates.length
			? `Stage names must differ: "${duplicates.join('", "')}" is listed twice`
			: input.length === 0 || input.length > pipelinesApi.MAX_STAGES
				? `A pipeline has 1 to ${pipelinesApi.MAX_STAGES} stages, not ${input.length}`
				: undefined;
	if (problem)
		throw new NodeOperationError(ctx.getNode(), `${problem} (parameter "Stages")`, {
			itemIndex: i,
			description: 'Give every stage a name of its own',
		});
	return input.map((s) => ({
		name: String(s.name).trim(),
		...(s.staleDurationInHours ? { staleDurationInHours: s.staleDurationInHours } : {}),
	}));
}

export interface DoneStageOptions {
	doneStageName?: string;
	allowedOutcomes?: string[];
	currency?: string;
}

export function newPipeline(
	name: string,
	stages: pipelinesApi.WixStage[],
	options: DoneStageOptions,
): pipelinesApi.WixPipeline {
	const outcomes = options.allowedOutcomes?.length ? options.allowedOutcomes : ['WON', 'LOST'];
	return {
		name,
		stages,
		doneStage: {
			name: options.doneStageName?.trim() || 'Done',
			allowedOutcomes: outcomes as Array<'NONE' | 'WON' | 'LOST'>,
		},
		...(options.currency?.trim() ? { currency: options.currency.trim().toUpperCase() } : {}),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = (this.getNodeParameter('name', i) as string).trim();
	if (!name)
		throw new NodeOperationError(this.getNode(), 'No pipeline name given (parameter "Name")', {
			itemIndex: i,
		});
	const input = (this.getNodeParameter('stages.stage', i, []) as StageInput[]) ?? [];
	const options = this.getNodeParameter('options', i, {}) as DoneStageOptions;
	const { pipeline } = await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
		this,
		pipelinesApi.create(newPipeline(name, stagesOf(this, input, i), options)),
		i,
	);
	return pipeline as IDataObject;
}
