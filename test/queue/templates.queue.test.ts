// The templates imported unchanged into n8n scaled out: Wix's events reach the webhook processor,
// the executions and their Wix writes run in either worker, and the end states must be those of
// single-process n8n (test/e2e/templates.e2e.test.ts runs the same scenarios there).
import { admin } from '../helpers/sandbox';
import { exportToCrm, twoWaySync } from '../scenarios/templates';
import { queueMode } from './fixtures';

const { sandbox, external, n8n, webhookUrl } = queueMode();

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await fetch(`${external.url}/reset`, { method: 'POST' });
});

test('export to CRM in queue mode: three runs send each contact exactly once', async () => {
	await exportToCrm({ sandbox, external, n8n, webhookBase: webhookUrl });
});

test('2-way sync in queue mode: both sides converge with no loops; only the echoes of our deletions and merges start an execution', async () => {
	await twoWaySync({ sandbox, external, n8n, webhookBase: webhookUrl, scaledOut: true });
});
