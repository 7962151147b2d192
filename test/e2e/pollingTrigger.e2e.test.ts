/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Polling Trigger in a real, published n8n workflow. n8n polls once on activation and
// then at most every minute, so this test waits for one minute tick.
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e, waitFor, unpublish } from './fixtures';

const { sandbox, n8n } = e2e();

const executions = (workflowId: string) => n8n.executions(workflowId);

const itemsOf = (execution: any) =>
	execution.data.resultData.runData['Wix Polling Trigger'][0].data.main[0].map((i: any) => i.json);

test('the first run loads every contact; the next poll brings only the new ones, once each', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'contacts:30' });
	const created = await n8n.api('POST', '/workflows', {
		name: 'Poll new contacts',
		nodes: [
			{
				name: 'Wix Polling Trigger',
				type: 'n8n-nodes-wix-crm.wixPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'newContact',
					firstRun: 'everything',
					options: { settleSeconds: 0 },
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	let runs = await waitFor(
		'the first poll',
		() => executions(created.id),
		(list) => list.length >= 1,
		{ timeoutMs: 10_000, everyMs: 500 },
	);
	expect(runs).toHaveLength(1);
	expect(itemsOf(runs[0])).toHaveLength(30);
	for (const first of ['P1', 'P2', 'P3'])
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first } } });
	try {
		// n8n polls at the start of each minute.
		runs = await waitFor(
			'the next poll',
			() => executions(created.id),
			(list) => list.length >= 2,
			{ timeoutMs: 75_000, everyMs: 1000 },
		);
	} finally {
		await unpublish({ sandbox, n8n }, created.id);
	}
	expect(runs).toHaveLength(2);
	const newest = runs.find((run) => itemsOf(run).length !== 30);
	expect(itemsOf(newest).map((c: any) => c.info.name.first)).toEqual(['P1', 'P2', 'P3']);
});

test('Card Moved or Created: the first run loads every pipeline card; the next poll brings the moved and new ones, not the renamed', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const ok = async (method: string, path: string, body?: unknown) => {
		const { status, body: result } = await wix(sandbox, method, path, body);
		if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
		return result;
	};
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
	const card = async (name: string) =>
		(
			await ok('POST', '/crm/pipelines/v1/cards', {
				card: { name, pipelineId: pipeline.id, stageId: s1 },
			})
		).card;
	const mover = await card('Mover');
	const renamed = await card('Renamed');
	const created = await n8n.api('POST', '/workflows', {
		name: 'Poll moved or created cards',
		nodes: [
			{
				name: 'Wix Polling Trigger',
				type: 'n8n-nodes-wix-crm.wixPollingTrigger',
				// The current version; the contacts test above runs a version-1 node.
				typeVersion: 1.1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'cardMovedOrCreated',
					firstRun: 'everything',
					options: { settleSeconds: 0 },
				},
				credentials: { wixApiKeyApi: API_KEY_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	let runs = await waitFor(
		'the first poll',
		() => executions(created.id),
		(list) => list.length >= 1,
		{ timeoutMs: 10_000, everyMs: 500 },
	);
	expect(runs).toHaveLength(1);
	expect(itemsOf(runs[0]).map((c: any) => c.name)).toEqual(['Mover', 'Renamed']);
	await ok('PATCH', `/crm/pipelines/v1/cards/move/${mover.id}`, {
		stageId: s2,
		revision: mover.revision,
	});
	await ok('PATCH', `/crm/pipelines/v1/cards/${renamed.id}`, {
		card: { name: 'Renamed later', revision: renamed.revision },
	});
	await card('Fresh');
	try {
		runs = await waitFor(
			'the next poll',
			() => executions(created.id),
			(list) => list.length >= 2,
			{ timeoutMs: 75_000, everyMs: 1000 },
		);
	} finally {
		await unpublish({ sandbox, n8n }, created.id);
	}
	expect(runs).toHaveLength(2);
	const newest = runs.find((run) => itemsOf(run).some((c: any) => c.name === 'Fresh'));
	expect(itemsOf(newest).map((c: any) => [c.name, c.stageId])).toEqual([
		['Mover', s2],
		['Fresh', s1],
	]);
});
