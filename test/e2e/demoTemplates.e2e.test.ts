/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What a new user sees on the first Execute after `npm start`: every template with a Manual Trigger,
// imported as `npm start` imports it, runs once against the demo seed (and the stand-in external
// systems as `npm start` seeds them) without an error, and the node where its effect shows puts out
// items; Get Many members lists the seed's members.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { admin } from '../helpers/sandbox';
import { TEMPLATES } from '../scenarios/templates';
import {
	announceTests,
	e2e,
	FAST_KEY_CREDENTIAL,
	manualWorkflow,
	nodeOutput,
	templateAsImported,
} from './fixtures';

const { sandbox, external, n8n } = e2e();

/**
 * Where each template's first run shows: the node that must put out items. The lead funnels and the
 * two-way syncs are set up by hand once (their Wix Trigger or webhook does the rest), so their set-up
 * step is what a first Execute shows.
 */
const EFFECT: Record<string, string> = {
	'export-new-contacts-to-crm.json': 'Confirm Export',
	'lead-funnel-from-crm-legacy.json': 'Set Up Funnel',
	'lead-funnel-from-crm.json': 'Set Up Funnel',
	'loyalty-milestone.json': 'Send Email',
	'loyalty-setup-from-external-program.json': 'Set Balance',
	'subscribed-emails-to-email-service.json': 'Send to Email Service',
	'two-way-contact-sync-automation.json': 'Find or Create externalCrmId',
	'two-way-contact-sync.json': 'Find or Create externalCrmId',
	'velo-create-contact-and-email.json': 'emailContact',
};

const manualTemplates = readdirSync(TEMPLATES)
	.filter((f) => f.endsWith('.json'))
	.filter((f) =>
		(
			JSON.parse(readFileSync(join(TEMPLATES, f), 'utf8')) as { nodes: Array<{ type: string }> }
		).nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'),
	)
	.sort();

announceTests('e2e demo');

beforeAll(async () => {
	// The template runs test outcomes, not pacing: the fast credential, the site limit lifted.
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 0 });
});

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'demo' });
	await fetch(`${external.url}/reset`, { method: 'POST', body: JSON.stringify({ seed: 'demo' }) });
});

afterAll(async () => {
	await admin(sandbox, 'POST', '/config', { rateLimitPerMinute: 200 });
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

test('every template with a Manual Trigger has its effect named here', () => {
	expect(manualTemplates).toEqual(Object.keys(EFFECT).sort());
});

test.each(manualTemplates)(
	'%s: its first Execute on the demo data ends without an error, and its effect shows',
	async (file) => {
		const { id, body } = templateAsImported(
			join(TEMPLATES, file),
			external.url,
			FAST_KEY_CREDENTIAL,
		);
		await n8n.importWorkflow(body);
		const run = await n8n.execute(id);
		expect(run.data.resultData.error).toBeUndefined();
		const counts = Object.fromEntries(
			Object.keys(run.data.resultData.runData).map((name) => [name, nodeOutput(run, name).length]),
		);
		// On failure: what every node put out.
		expect({ [EFFECT[file]]: counts[EFFECT[file]] > 0 ? 'items' : counts }).toEqual({
			[EFFECT[file]]: 'items',
		});
	},
);

test('Get Many members finds the demo seed’s three members, APPROVED', async () => {
	const { id, body } = manualWorkflow(
		'Demo members',
		[
			{
				id: 'members',
				name: 'Members',
				type: 'n8n-nodes-wix-crm.wixMembers',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'member', operation: 'getAll', returnAll: true },
				credentials: { wixApiKeyApi: FAST_KEY_CREDENTIAL },
			},
		],
		{ Start: ['Members'] },
	);
	await n8n.importWorkflow(body);
	const members = nodeOutput(await n8n.execute(id), 'Members');
	expect(members).toHaveLength(3);
	for (const member of members) expect(member).toMatchObject({ status: 'APPROVED' });
});
