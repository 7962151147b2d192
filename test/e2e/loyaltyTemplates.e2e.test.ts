// The three loyalty templates imported as users import them, run in real n8n against the sandbox
// and the stand-in external loyalty program and email service (test/scenarios/loyaltyTemplates.ts).
import { admin } from '../helpers/sandbox';
import {
	loyaltyMilestone,
	setupFromExternalProgram,
	twoWayLoyaltySync,
	unpacedCredential,
} from '../scenarios/loyaltyTemplates';
import { e2e } from './fixtures';

const { sandbox, external, n8n } = e2e();
const stack = { sandbox, external, n8n, webhookBase: n8n.url };

beforeAll(async () => {
	await n8n.importCredentials([unpacedCredential(sandbox)]);
});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await admin(sandbox, 'DELETE', '/webhooks');
	await fetch(`${external.url}/reset`, { method: 'POST' });
});

test('set up from an external program: 200 customers get their contact, account and balance; a second run changes nothing', async () => {
	// About 600 requests: the site's per-minute budget is lifted for this run (the credential's pacing
	// is off too), as the bench measures requests, not Wix's minute.
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 0 });
	try {
		await setupFromExternalProgram(stack);
	} finally {
		await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 200 });
	}
}, 300_000);

test('2-way loyalty sync: balances and new accounts cross both ways, one execution per outside change, no loops', async () => {
	await twoWayLoyaltySync(stack);
}, 180_000);

test('loyalty milestone: weekly email to exactly the SUBSCRIBED 900–999 customers; the badge once per member, despite copies and a second crossing', async () => {
	await loyaltyMilestone(stack);
}, 180_000);
