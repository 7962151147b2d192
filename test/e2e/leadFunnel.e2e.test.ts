// The lead-funnel template on both Wix APIs, imported unchanged into real n8n (only the credentials
// and the CRM URL set), then driven by 50 deals in the stand-in CRM.
import { admin } from '../helpers/sandbox';
import { expectFunnelMatchesDeals, runLeadFunnel, type FunnelApi } from '../scenarios/leadFunnel';
import { e2e, FAST_KEY_CREDENTIAL } from './fixtures';

const { sandbox, external, n8n } = e2e();
const stack = { sandbox, external, n8n, webhookBase: n8n.url };

// The runs check outcomes; pacing has its own tests. At Wix's 200 per minute each took 3.5 min.
// Unpaced, with the sandbox's limit lifted; setting it back also empties the sandbox's window.
beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 1200 });
	await fetch(`${external.url}/reset`, { method: 'POST' });
});

afterEach(async () => {
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 200 });
});

test.each<[FunnelApi, string]>([
	[
		'pipelines',
		'one card per open deal in its stage, won and lost deals in the done stage with their outcome',
	],
	[
		'workflows',
		'one active card per open deal in its phase, won deals in the win phase, lost deals archived',
	],
])(
	'lead funnel from a CRM (%s): 50 deals created, moved, renamed, won, lost and deleted; %s; no duplicates; one execution per change',
	async (api) => {
		const run = await runLeadFunnel(stack, api, { apiKeyCredential: FAST_KEY_CREDENTIAL });
		expect(run.changes).toBeGreaterThan(100);
		await expectFunnelMatchesDeals(stack, api, run);
	},
	600_000,
);
