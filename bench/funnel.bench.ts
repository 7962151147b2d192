/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm run bench` (funnel part): a lead funnel of 1,000 deals set up from scratch through the Wix
// Workflows node on the pipelines API: Set Up Funnel with five stages, then one Card Create run
// with 1,000 items whose main contact is given by email (half the contacts exist, half do not).
// Requests per deal come from the sandbox's /_sandbox/counts. Goal: about one write per deal, plus
// one contact look-up per 100 deals (the batched look-up), plus one contact create per new contact
// (Wix has no bulk contact create, and a card's main contact must exist).
// Results go to bench/results/funnel.json and are printed as a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The built artifact, as n8n loads it (tsx would resolve the source name to the .node.json codex).
import { WixWorkflows } from '../dist/nodes/Wix/Workflows/WixWorkflows.node';
import { runNode } from '../test/helpers/executeContext';
import { admin, apiKeyCredentials, startTestSandbox, wix } from '../test/helpers/sandbox';

const DEALS = 1000;
const STAGES = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

interface Phase {
	name: string;
	items: number;
	requests: number;
	requestsPerItem: number;
	writes: number;
	contactLookups: number;
	contactCreates: number;
	cardCreates: number;
	other: number;
	seconds: number;
	byEndpoint: Record<string, number>;
}

function summarise(
	name: string,
	items: number,
	seconds: number,
	counts: Record<string, number>,
): Phase {
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	const n = (endpoint: string) => counts[endpoint] ?? 0;
	const writes = Object.entries(counts)
		.filter(([endpoint]) => !endpoint.startsWith('GET ') && !/\/(query|search)\b/.test(endpoint))
		.reduce((a, [, c]) => a + c, 0);
	const contactLookups = n('POST /contacts/v4/contacts/query');
	const contactCreates = n('POST /contacts/v4/contacts');
	const cardCreates = n('POST /crm/pipelines/v1/cards');
	return {
		name,
		items,
		requests: total,
		requestsPerItem: Number((total / Math.max(items, 1)).toFixed(4)),
		writes,
		contactLookups,
		contactCreates,
		cardCreates,
		other: total - contactLookups - contactCreates - cardCreates,
		seconds: Number(seconds.toFixed(3)),
		byEndpoint: counts,
	};
}

async function main() {
	const node = new WixWorkflows();
	const sandbox = await startTestSandbox({ seed: 'empty' });
	// The bench measures requests, not Wix's 200/min: no site limit, and no pacing in the credential.
	await admin(sandbox, 'POST', '/config', { latencyMs: 0, rateLimitPerMinute: 0 });
	const credentials = apiKeyCredentials(sandbox, { requestsPerMinute: 0 });
	// Half the deals' contacts exist already (made straight through the sandbox, not counted).
	for (let k = 0; k < DEALS; k += 2) {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: {
				name: { first: `Deal${k}` },
				emails: { items: [{ email: `deal${k}@example.com` }] },
			},
		});
	}
	const phases: Phase[] = [];

	await admin(sandbox, 'DELETE', '/requests');
	let start = process.hrtime.bigint();
	const setUp = await runNode({
		node,
		parameters: {
			api: 'pipelines',
			resource: 'funnel',
			operation: 'setUp',
			funnelName: 'Bench Funnel',
			phases: { phase: STAGES.map((name) => ({ name })) },
		},
		credentials,
	});
	let seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const funnel = setUp.output[0].json as { pipelineId: string; phaseIds: Record<string, string> };
	phases.push(
		summarise(
			'Set Up Funnel (5 stages, new)',
			1,
			seconds,
			(await admin(sandbox, 'GET', '/counts')).counts,
		),
	);

	await admin(sandbox, 'DELETE', '/requests');
	const deals = Array.from({ length: DEALS }, (_, k) => ({
		deal: `D-${k}`,
		email: `deal${k}@example.com`,
		stage: STAGES[k % STAGES.length],
		value: String(100 + k),
	}));
	start = process.hrtime.bigint();
	const cards = await runNode({
		node,
		parameters: {
			api: 'pipelines',
			resource: 'card',
			operation: 'create',
			pipelineId: { __rl: true, mode: 'id', value: funnel.pipelineId },
			stageId: (_: number, item: { stage: string }) => funnel.phaseIds[item.stage],
			name: (_: number, item: { deal: string }) => `Deal ${item.deal}`,
			mainContactBy: 'email',
			mainContactEmail: (_: number, item: { email: string }) => item.email,
			newContactFields: (_: number, item: { deal: string }) => ({ firstName: item.deal }),
			additionalFields: (_: number, item: { value: string }) => ({ value: item.value }),
		},
		items: deals,
		credentials,
	});
	seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const failed = cards.output.filter((o) => o.json.error);
	if (cards.output.length !== DEALS || failed.length)
		throw new Error(
			`Card Create: ${cards.output.length} items, ${failed.length} failed: ${JSON.stringify(failed[0]?.json)}`,
		);
	const created = cards.output.filter((o) => o.json.mainContactCreated === true).length;
	if (created !== DEALS / 2)
		throw new Error(`expected ${DEALS / 2} new contacts, the node created ${created}`);
	phases.push(
		summarise(
			`Card Create (${DEALS} deals, main contact by email, half new)`,
			DEALS,
			seconds,
			(await admin(sandbox, 'GET', '/counts')).counts,
		),
	);
	const cardIds = new Set(cards.output.map((o) => o.json.id));
	if (cardIds.size !== DEALS)
		throw new Error(`expected ${DEALS} distinct cards, got ${cardIds.size}`);
	await sandbox.close();

	const deal = phases[1];
	const goal = {
		// One card write per deal, one contact write per new contact, one look-up per 100 emails, and
		// the sync-mark custom field: read once per run, created the first time a site is written.
		requests: DEALS + DEALS / 2 + Math.ceil(DEALS / 100) + 2,
		description:
			'one card create per deal + one contact create per new contact (500) + one batched contact look-up per 100 deals + the n8n Sync Revision custom field read once per run and created once per site',
	};
	const report = {
		at: new Date().toISOString(),
		node: process.version,
		deals: DEALS,
		goal,
		perDeal: {
			requests: deal.requestsPerItem,
			writes: Number((deal.writes / DEALS).toFixed(4)),
			contactLookupsPer100Deals: Number(((deal.contactLookups / DEALS) * 100).toFixed(2)),
			withinGoal: deal.requests <= goal.requests,
		},
		phases,
	};
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	writeFileSync(join(__dirname, 'results', 'funnel.json'), `${JSON.stringify(report, null, 2)}\n`);
	console.table(phases.map(({ byEndpoint: _ignored, ...row }) => row));
	for (const p of phases) console.log(p.name, p.byEndpoint);
	console.log('per deal:', report.perDeal, 'goal (requests):', goal.requests);
	if (!report.perDeal.withinGoal) process.exitCode = 2;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
