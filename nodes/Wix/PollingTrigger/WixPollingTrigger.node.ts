import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { searchSites, siteProperty } from '../shared/site';
import { authenticationProperty, optionsCollection } from '../shared/descriptions';
import { isOwnEvent } from '../shared/echo';
import { readByKeyset } from '../shared/keyset';
import { wixApiRequest } from '../transport';
import type { PollCursor } from './pollWindow';
import { inWindow, POLL_SOURCES, readFilterOf, type PollSource } from './sources';

interface PollState {
	event?: string;
	cursor?: PollCursor;
	/** Threshold event: the accounts at or above the threshold, and for which threshold. */
	threshold?: number;
	/** Card event: the pipeline it watches ('' = all). */
	pipelineId?: string;
	above?: string[];
}

/** Reads every record of `source` whose window timestamp is in [from, to), and only those. */
async function readWindow(
	ctx: IPollFunctions,
	source: PollSource,
	from: string,
	to: string,
	scope?: IDataObject,
): Promise<IDataObject[]> {
	const filter = readFilterOf(source, from, to);
	const records = await readByKeyset(ctx, {
		itemsKey: source.itemsKey,
		pageSize: source.pageSize,
		keysetField: source.keysetField,
		order: source.order ?? 'ASC',
		skip: source.skip,
		filter: scope ? { $and: [scope, filter] } : filter,
		page: source.page,
	});
	return inWindow(source, records, from, to);
}

const balanceOf = (account: IDataObject) =>
	Number((account.points as IDataObject | undefined)?.balance ?? 0);

/** Whether own writes are left out: as set, else on from version 1.1 (off in version-1 nodes). */
export function ignoresOwnWrites(option: boolean | undefined, typeVersion: number): boolean {
	return option ?? typeVersion >= 1.1;
}

export class WixPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Polling Trigger',
		name: 'wixPollingTrigger',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['trigger'],
		// 1.1 ignores this package's own writes unless told otherwise, as the Wix Trigger always has;
		// version-1 nodes (saved with the option unset) keep reporting them.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new or changed Wix contacts, new members, loyalty balances and pipeline cards moved or created, by polling',
		defaults: { name: 'Wix Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
			siteProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Card Moved or Created',
						value: 'cardMovedOrCreated',
						description:
							'A pipeline card (CRM Pipelines & Cards) was created in or moved to a stage; legacy Workflows cards: use the Wix Trigger’s Automation source',
					},
					{
						name: 'Loyalty Balance Changed',
						value: 'loyaltyBalanceChanged',
						description: 'A loyalty account’s points changed',
					},
					{
						name: 'Loyalty Balance Reached Threshold',
						value: 'loyaltyThreshold',
						description:
							'An account’s balance went from below the threshold to at or above it (once each time)',
					},
					{ name: 'New Contact', value: 'newContact', description: 'A contact was created' },
					{ name: 'New Member', value: 'newMember', description: 'A site member signed up' },
					{
						name: 'Updated Contact',
						value: 'updatedContact',
						description: 'A contact was created or changed',
					},
				],
				default: 'newContact',
				description: 'What starts the workflow; Wix is asked for changes at every poll',
			},
			{
				displayName: 'Pipeline ID',
				name: 'pipelineId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5b2a9a52-6d0c-4bd8-8e1e-4fa3c9a7e0d1',
				displayOptions: { show: { event: ['cardMovedOrCreated'] } },
				description: 'Only the cards of this pipeline; empty watches every pipeline of the site',
			},
			{
				displayName: 'Threshold (Points)',
				name: 'threshold',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 100,
				displayOptions: { show: { event: ['loyaltyThreshold'] } },
				description:
					'The balance an account must reach; it triggers once each time it rises from below to at or above this number',
			},
			{
				displayName: 'On First Run',
				name: 'firstRun',
				type: 'options',
				options: [
					{
						name: 'Only New From Now',
						value: 'fromNow',
						description: 'Start with what happens after activation',
					},
					{
						name: 'Everything Existing',
						value: 'everything',
						description:
							'Emit every existing record once (1000 contacts per request), then keep up',
					},
				],
				default: 'fromNow',
				description: 'What the first poll after activation emits',
			},
			optionsCollection([
				{
					displayName: 'Ignore Own Writes',
					name: 'ignoreOwnWrites',
					type: 'boolean',
					default: true,
					displayOptions: { show: { '/event': ['newContact', 'updatedContact'] } },
					description:
						'Whether to leave out contacts whose latest change was made by this package’s Wix nodes (any n8n process), so a 2-way sync does not send its own writes back. On unless set (nodes added before version 1.1: off unless set).',
				},
				{
					displayName: 'Settle Delay (Seconds)',
					name: 'settleSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 10,
					description:
						'Records younger than this are left for the next poll, so ones Wix is still indexing are not skipped',
				},
			]),
		],
	};

	methods = { listSearch: { searchSites } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const source = POLL_SOURCES[event];
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown event "${event}"`);
		const options = this.getNodeParameter('options', {}) as {
			settleSeconds?: number;
			ignoreOwnWrites?: boolean;
		};
		const settleMs = Number(options.settleSeconds ?? 10) * 1000;
		const to = new Date(Date.now() - settleMs).toISOString();
		const threshold =
			event === 'loyaltyThreshold' ? Number(this.getNodeParameter('threshold', 0)) : undefined;
		const pipelineId =
			event === 'cardMovedOrCreated'
				? String(this.getNodeParameter('pipelineId', '') ?? '').trim()
				: undefined;
		const scope = pipelineId ? { pipelineId: { $eq: pipelineId } } : undefined;

		if (this.getMode() === 'manual') {
			const response = await wixApiRequest<Record<string, IDataObject[]>>(this, source.sample());
			const sample = response[source.itemsKey] ?? [];
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (
			!state.cursor ||
			state.event !== event ||
			state.threshold !== threshold ||
			state.pipelineId !== pipelineId
		) {
			const everything = this.getNodeParameter('firstRun') === 'everything';
			state.event = event;
			state.threshold = threshold;
			state.pipelineId = pipelineId;
			state.cursor = { from: everything ? new Date(0).toISOString() : new Date().toISOString() };
			state.above = [];
			if (!everything) {
				// Accounts already over the threshold at activation have not "reached" it from now on.
				if (threshold !== undefined) {
					const current = await readWindow(
						this,
						source,
						new Date(0).toISOString(),
						state.cursor.from,
					);
					state.above = current.filter((a) => balanceOf(a) >= threshold).map((a) => String(a.id));
				}
				return null;
			}
		}
		const from = state.cursor.from;
		if (from >= to) return null;

		let records = await readWindow(this, source, from, to, scope);
		if (threshold !== undefined) {
			const above = new Set(state.above ?? []);
			const reached: IDataObject[] = [];
			for (const account of records) {
				const id = String(account.id);
				if (balanceOf(account) >= threshold) {
					if (!above.has(id)) reached.push({ ...account, threshold });
					above.add(id);
				} else above.delete(id);
			}
			state.above = [...above];
			records = reached;
		}
		const echo = source.echo;
		if (ignoresOwnWrites(options.ignoreOwnWrites, this.getNode().typeVersion) && echo) {
			records = records.filter(
				(record) => !isOwnEvent({ ...echo, entityId: String(record.id), entity: record }),
			);
		}
		// The cursor moves only once the whole window was read.
		state.cursor = { from: to };
		return records.length ? [this.helpers.returnJsonArray(records)] : null;
	}
}
