/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Lead-funnel card events in real, published n8n workflows: every card event the sandbox sends on
// either API (legacy Workflows, Pipelines & Cards) is offered by the Wix Trigger, starts one
// execution per event despite redeliveries, and arrives with the card where a workflow looks for
// it; the Automation source's "Workflow Card Added or Moved" runs once per card added or moved.
import { WIX_EVENTS } from '../../nodes/Wix/Trigger/events';
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, triggerKit, waitFor, unpublish } from './fixtures';

const { sandbox, n8n } = e2e();
const { publish, triggerNode, settled, firstItem } = triggerKit(sandbox, n8n);

const CARD_EVENTS = WIX_EVENTS.map((e) => String(e.value)).filter((v) => /\.card_/.test(v));

async function ok(method: string, path: string, body?: unknown): Promise<any> {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

const contact = async (first: string) =>
	(await ok('POST', '/contacts/v4/contacts', { info: { name: { first } } })).contact.id as string;

/** A legacy workflow with two phases: its ID and the phases' IDs. */
async function legacyFunnel() {
	const workflowId = (await ok('POST', '/workflows/v1/workflows', { workflow: { name: 'Leads' } }))
		.id as string;
	const phase = async (name: string) =>
		(await ok('POST', `/workflows/v1/workflows/${workflowId}/phases`, { phase: { name } }))
			.id as string;
	return { workflowId, a: await phase('New Lead'), b: await phase('Contacted') };
}

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 1 });
});

test('every card event of both APIs is offered, runs once per event and carries the card', async () => {
	expect(CARD_EVENTS).toHaveLength(7);
	const wf = await publish('Wix card events', [triggerNode({ events: CARD_EVENTS })]);
	await admin(sandbox, 'POST', '/webhooks', { url: wf.url, contentType: 'application/json' });
	// Every delivery twice, as Wix does when an answer is late.
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });

	// Legacy: created, renamed, moved (an update), deleted.
	const legacy = await legacyFunnel();
	const ada = await contact('Ada');
	const legacyCard = (
		await ok('POST', `/workflows/v1/workflows/${legacy.workflowId}/phases/${legacy.a}/cards`, {
			card: { name: 'Ada – deal', source: 'crm:D-1', primaryAttachment: { contactId: ada } },
		})
	).id as string;
	await ok('PATCH', `/workflows/v1/cards/${legacyCard}`, { cardInfo: { name: 'Ada – big deal' } });
	await ok('POST', `/workflows/v1/cards/${legacyCard}/move`, { newPhaseId: legacy.b });
	await ok('DELETE', `/workflows/v1/cards/${legacyCard}`);

	// Pipelines: created, updated, moved (with its update), deleted.
	const pipeline = (
		await ok('POST', '/crm/pipelines/v1/pipelines', {
			pipeline: {
				name: 'Sales',
				stages: [{ name: 'New Lead' }, { name: 'Contacted' }],
				doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
			},
		})
	).pipeline;
	const [s1, s2] = pipeline.stages.map((s: any) => s.id as string);
	const grace = await contact('Grace');
	let card = (
		await ok('POST', '/crm/pipelines/v1/cards', {
			card: {
				name: 'Grace – deal',
				pipelineId: pipeline.id,
				stageId: s1,
				mainContact: { contactId: grace },
			},
		})
	).card;
	card = (
		await ok('PATCH', `/crm/pipelines/v1/cards/${card.id}`, {
			card: { revision: card.revision, priority: 'P1_URGENT' },
		})
	).card;
	card = (
		await ok('PATCH', `/crm/pipelines/v1/cards/move/${card.id}`, {
			stageId: s2,
			revision: card.revision,
		})
	).card;
	await ok('DELETE', `/crm/pipelines/v1/cards/${card.id}`);

	const { deliveries } = await admin(sandbox, 'GET', '/webhooks/deliveries');
	const sent = deliveries.filter((d: any) => /\.card_/.test(d.eventType));
	expect(sent.map((d: any) => d.status)).toEqual(Array(sent.length).fill(200));
	// Every card event type the sandbox sends is one the node offers.
	const sentTypes = [...new Set<string>(sent.map((d: any) => d.eventType))].sort();
	expect(sentTypes).toEqual([...CARD_EVENTS].sort());
	const sentEvents = new Set(sent.map((d: any) => d.eventId));
	// Not selected: the pipeline's own event reached n8n but started nothing.
	expect(deliveries.some((d: any) => d.eventType.endsWith('pipeline_created'))).toBe(true);

	const runs = await settled(wf.id, { atLeast: sentEvents.size });
	expect(runs).toHaveLength(sentEvents.size);
	const items = runs
		.map(firstItem)
		.sort(
			(a: any, b: any) =>
				a.entityFqdn.localeCompare(b.entityFqdn) ||
				Number(a.entityEventSequence) - Number(b.entityEventSequence),
		);
	expect(new Set(items.map((i: any) => i.eventId))).toEqual(sentEvents);
	const of = (type: string) => items.filter((i: any) => i.eventType === type);

	// Pipelines: the card is `entity` in every event, a move says where from and where to.
	expect(of('wix.crm.pipelines.v1.card_created')[0].entity).toMatchObject({
		id: card.id,
		name: 'Grace – deal',
		stageId: s1,
		mainContact: { contactId: grace },
	});
	expect(of('wix.crm.pipelines.v1.card_updated').map((i: any) => i.entity.stageId)).toEqual([
		s1,
		s2,
	]);
	const [moved] = of('wix.crm.pipelines.v1.card_moved');
	expect(moved).toMatchObject({
		entityId: card.id,
		sourceStageId: s1,
		targetStageId: s2,
		entity: { id: card.id, stageId: s2, priority: 'P1_URGENT', revision: card.revision },
	});
	expect(of('wix.crm.pipelines.v1.card_deleted')[0]).toMatchObject({
		entityId: card.id,
		entity: { id: card.id, stageId: s2 },
	});

	// Legacy: the card is `{ info }`; a move is an update naming the new phase.
	expect(of('wix.workflows.v1.card_created')[0]).toMatchObject({
		entityId: legacyCard,
		entity: {
			info: {
				id: legacyCard,
				name: 'Ada – deal',
				source: 'crm:D-1',
				phaseId: legacy.a,
				primaryAttachment: { contactId: ada },
			},
		},
	});
	expect(of('wix.workflows.v1.card_updated').map((i: any) => i.entity.info)).toMatchObject([
		{ name: 'Ada – big deal', phaseId: legacy.a },
		{ name: 'Ada – big deal', phaseId: legacy.b },
	]);
	expect(of('wix.workflows.v1.card_deleted')[0]).toMatchObject({
		entityId: legacyCard,
		entity: null,
	});
	await unpublish({ sandbox, n8n }, wf.id);
});

test('"Workflow Card Added or Moved": once per card added or moved, also a move repeated later; redeliveries and edits start nothing', async () => {
	const created = await n8n.api('POST', '/workflows', {
		name: 'Wix Automation: card added or moved',
		nodes: [
			{
				name: 'Wix Trigger',
				type: 'n8n-nodes-wix-crm.wixTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					source: 'automation',
					authentication: 'apiKey',
					automationTrigger: 'wix_workflows-card_added_or_moved',
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	await waitFor(
		'our automation',
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.some((a) => a.configuration.trigger.triggerKey.startsWith('wix_workflows')),
	);
	await admin(sandbox, 'POST', '/webhooks/faults', { copies: 2 });
	const legacy = await legacyFunnel();
	const ada = await contact('Ada');
	// Each step's deliveries are answered before the next step, as a person moving cards by hand.
	const step = async (method: string, path: string, body?: unknown) => {
		const result = await ok(method, path, body);
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		return result;
	};
	const cardId = (
		await step('POST', `/workflows/v1/workflows/${legacy.workflowId}/phases/${legacy.a}/cards`, {
			card: { name: 'Ada – deal', primaryAttachment: { contactId: ada } },
		})
	).id as string;
	await step('PATCH', `/workflows/v1/cards/${cardId}`, { cardInfo: { name: 'Renamed' } });
	// A → B, back to A, and A → B again: the third sends the very body of the first.
	await step('POST', `/workflows/v1/cards/${cardId}/move`, { newPhaseId: legacy.b });
	await step('POST', `/workflows/v1/cards/${cardId}/move`, { newPhaseId: legacy.a });
	await step('POST', `/workflows/v1/cards/${cardId}/move`, { newPhaseId: legacy.b });

	const runs = await waitFor(
		'four executions',
		() => n8n.executions(created.id),
		(list) => list.length >= 4,
		{ timeoutMs: 15_000, everyMs: 500 },
	);
	// A copy that got through would start a fifth execution within this second.
	await new Promise((r) => setTimeout(r, 1000));
	expect(await n8n.executions(created.id)).toHaveLength(4);
	const items = runs
		.map((run: any) => run.data.resultData.runData['Wix Trigger'][0].data.main[0][0].json)
		.sort((a: any, b: any) => String(a.eventId).localeCompare(String(b.eventId)));
	for (const item of items)
		expect(item).toMatchObject({
			eventType: 'wix_workflows-card_added_or_moved',
			source: 'automation',
			data: { cardId, workflowId: legacy.workflowId, contactId: ada },
		});
	const phases = items.map((i: any) => `${i.data.previousPhaseId ?? '-'}>${i.data.phaseId}`).sort();
	const { a, b } = legacy;
	expect(phases).toEqual([`->${a}`, `${a}>${b}`, `${b}>${a}`, `${a}>${b}`].sort());
	await unpublish({ sandbox, n8n }, created.id);
});
