import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as pipelinesApi from '../../../api/pipelines';
import { wixApiRequest } from '../../../transport';
import { outcomeOptions, pipelineLocator, requiredValue } from '../../descriptions';
import { writeAtRevision } from '../../revision';
import { badNames, planStageUpdate, type StageEntry } from '../../stages';

const properties: INodeProperties[] = [
	pipelineLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Allowed Outcomes',
				name: 'allowedOutcomes',
				type: 'multiOptions',
				options: outcomeOptions,
				default: [],
				description: 'Outcomes a card may have in the done stage',
			},
			{
				displayName: 'Done Stage Name',
				name: 'doneStageName',
				type: 'string',
				default: '',
				description: 'New name of the final stage',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New pipeline name (1–60 characters)',
			},
			{
				displayName: 'Remove Stages Not Listed',
				name: 'removeUnlisted',
				type: 'boolean',
				default: false,
				description:
					'Whether stages left out of Stages are removed (Wix refuses to remove a stage that has cards). Off: they stay, after the listed ones, in their current order.',
			},
			{
				displayName: 'Stages',
				name: 'stages',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				default: {},
				placeholder: 'Add Stage',
				description:
					'The stages in their new order: an existing stage (by ID or current name), renamed when New Name is set, or a new stage (Stage empty, New Name set)',
				options: [
					{
						displayName: 'Stage',
						name: 'stage',
						values: [
							{
								displayName: 'Stage (Name or ID)',
								name: 'stage',
								type: 'string',
								default: '',
								description: 'An existing stage’s ID or current name; empty to add a new stage',
							},
							{
								displayName: 'New Name',
								name: 'newName',
								type: 'string',
								default: '',
								description: 'The stage’s new name, or the name of the stage to add',
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Revision',
		name: 'revision',
		type: 'string',
		default: '',
		description:
			'Update only if the pipeline is still at this revision. Empty: the current revision is read, and the update is tried once more if someone else changed the pipeline meanwhile.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['pipeline'], operation: ['update'] } },
	properties,
);

interface UpdateFields {
	name?: string;
	doneStageName?: string;
	allowedOutcomes?: string[];
	removeUnlisted?: boolean;
	stages?: { stage?: StageEntry[] };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'pipelineId', 'Pipeline', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as UpdateFields;
	const given = (this.getNodeParameter('revision', i, '') as string).trim() || undefined;
	const entries = fields.stages?.stage ?? [];
	const fail = (message: string) =>
		new NodeOperationError(this.getNode(), message, {
			itemIndex: i,
			description: 'Correct the Update Fields and run again',
		});
	if (
		!fields.name?.trim() &&
		!fields.doneStageName?.trim() &&
		!fields.allowedOutcomes?.length &&
		!entries.length
	)
		throw fail('No fields to update: add a name, stages or done stage fields under Update Fields');

	let current: pipelinesApi.WixPipeline | undefined;
	const read = async () => {
		current = (
			await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(this, pipelinesApi.get(id), i)
		).pipeline;
		return String(current.revision ?? '');
	};
	const { pipeline } = await writeAtRevision(this, given, read, async (revision) => {
		// With a given revision nothing was read yet; stages and the done stage build on the current ones.
		if (
			!current &&
			(entries.length || fields.doneStageName?.trim() || fields.allowedOutcomes?.length)
		)
			await read();
		const body: pipelinesApi.WixPipeline & { id: string } = { id, revision };
		if (fields.name?.trim()) body.name = fields.name.trim();
		if (entries.length) {
			let stages;
			try {
				stages = planStageUpdate(current?.stages ?? [], entries, fields.removeUnlisted ?? false);
			} catch (error) {
				throw fail(`${(error as Error).message} (parameter "Stages")`);
			}
			const { empty, duplicates } = badNames(stages.map((s) => s.name ?? ''));
			if (empty.length || duplicates.length)
				throw fail(`Stage names must differ: "${duplicates.join('", "')}" would appear twice`);
			if (stages.length === 0 || stages.length > pipelinesApi.MAX_STAGES)
				throw fail(`A pipeline has 1 to ${pipelinesApi.MAX_STAGES} stages, not ${stages.length}`);
			body.stages = stages;
		}
		if (fields.doneStageName?.trim() || fields.allowedOutcomes?.length) {
			body.doneStage = {
				...(current?.doneStage ?? {}),
				...(fields.doneStageName?.trim() ? { name: fields.doneStageName.trim() } : {}),
				...(fields.allowedOutcomes?.length
					? { allowedOutcomes: fields.allowedOutcomes as Array<'NONE' | 'WON' | 'LOST'> }
					: {}),
			};
		}
		return await wixApiRequest<{ pipeline: pipelinesApi.WixPipeline }>(
			this,
			pipelinesApi.update(body),
			i,
		);
	});
	return pipeline as IDataObject;
}
