import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nextKeyset, windowQuery, type Keyset, type PollCursor } from '../shared/pollWindow';
import { authenticationProperty } from '../shared/descriptions';
import { wixApiRequest } from '../transport';

const PAGE_SIZE = 1000;

interface WixRecord {
	id?: string | null;
	createdDate?: string | null;
	updatedDate?: string | null;
}

const EVENTS = {
	newContact: { field: 'createdDate', path: '/contacts/v4/contacts/query', itemsKey: 'contacts' },
	updatedContact: { field: 'updatedDate', path: '/contacts/v4/contacts/query', itemsKey: 'contacts' },
} as const;

type EventName = keyof typeof EVENTS;

export class WixPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wix Polling Trigger',
		name: 'wixPollingTrigger',
		icon: { light: 'file:wix.svg', dark: 'file:wix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Wix contacts are created or updated, by polling (no app or public URL needed)',
		defaults: { name: 'Wix Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'wixApiKeyApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'wixOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Contact', value: 'newContact', description: 'A contact was created' },
					{ name: 'Updated Contact', value: 'updatedContact', description: 'A contact was created or changed' },
				],
				default: 'newContact',
			},
			{
				displayName: 'On First Run',
				name: 'firstRun',
				type: 'options',
				options: [
					{ name: 'Only New From Now', value: 'fromNow', description: 'Start with what happens after activation' },
					{ name: 'Everything Existing', value: 'everything', description: 'Load every existing record once (1000 per request), then keep up' },
				],
				default: 'fromNow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Settle Delay (Seconds)',
						name: 'settleSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
						description: 'Records younger than this are left for the next poll, so ones Wix is still indexing are not skipped',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		const spec = EVENTS[event];
		const settleMs = Number((this.getNodeParameter('options', {}) as { settleSeconds?: number }).settleSeconds ?? 10) * 1000;
		const to = new Date(Date.now() - settleMs).toISOString();

		if (this.getMode() === 'manual') {
			const { [spec.itemsKey]: sample } = await wixApiRequest<Record<string, WixRecord[]>>(this, {
				method: 'POST',
				path: spec.path,
				body: { query: { sort: [{ fieldName: 'createdDate', order: 'DESC' }], paging: { limit: 1 }, fieldsets: ['FULL'] } },
			});
			return sample?.length ? [this.helpers.returnJsonArray(sample as IDataObject[])] : null;
		}

		const state = this.getWorkflowStaticData('node') as { cursor?: PollCursor; event?: string };
		if (!state.cursor || state.event !== event) {
			const firstRun = this.getNodeParameter('firstRun') as string;
			state.event = event;
			state.cursor = { from: firstRun === 'everything' ? new Date(0).toISOString() : new Date().toISOString() };
			if (firstRun !== 'everything') return null;
		}
		const from = state.cursor.from;
		if (from >= to) return null;

		const found: WixRecord[] = [];
		const emitted = new Set<string>();
		let keyset: Keyset | undefined;
		do {
			const { filter, offset } = windowQuery(spec.field, from, to, keyset);
			const { [spec.itemsKey]: page = [] } = await wixApiRequest<Record<string, WixRecord[]>>(this, {
				method: 'POST',
				path: spec.path,
				body: { query: { filter, sort: [{ fieldName: 'createdDate', order: 'ASC' }], paging: { limit: PAGE_SIZE, offset }, fieldsets: ['FULL'] } },
			});
			for (const record of page) {
				if (emitted.has(String(record.id))) continue;
				emitted.add(String(record.id));
				found.push(record);
			}
			keyset = nextKeyset(page, PAGE_SIZE, keyset);
		} while (keyset);
		// The cursor moves only once the whole window was read.
		state.cursor = { from: to };
		return found.length ? [this.helpers.returnJsonArray(found as IDataObject[])] : null;
	}
}
