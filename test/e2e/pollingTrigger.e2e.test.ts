// The Wix Polling Trigger in a real, published n8n workflow. n8n polls once on activation and
// then at most every minute, so this test waits for one minute tick.
import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e } from './fixtures';

const { sandbox, n8n } = e2e();

const executions = (workflowId: string) => n8n.executions(workflowId);

const itemsOf = (execution: any) => execution.data.resultData.runData['Wix Polling Trigger'][0].data.main[0].map((i: any) => i.json);

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
	let runs: any[] = [];
	for (let k = 0; k < 20 && runs.length < 1; k++) {
		await new Promise((r) => setTimeout(r, 500));
		runs = await executions(created.id);
	}
	expect(runs).toHaveLength(1);
	expect(itemsOf(runs[0])).toHaveLength(30);
	for (const first of ['P1', 'P2', 'P3']) await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first } } });
	for (let k = 0; k < 75 && runs.length < 2; k++) {
		await new Promise((r) => setTimeout(r, 1000));
		runs = await executions(created.id);
	}
	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
	expect(runs).toHaveLength(2);
	const newest = runs.find((run) => itemsOf(run).length !== 30);
	expect(itemsOf(newest).map((c: any) => c.info.name.first)).toEqual(['P1', 'P2', 'P3']);
});
