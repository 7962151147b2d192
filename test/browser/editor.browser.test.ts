/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The editor as a user sees it: the stack `npm start` runs (sandbox with demo data, real n8n with
// the packed package, credentials and templates imported), toured in Debian's Chromium.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	CHROMIUM,
	MISSING_CONTACT,
	templateWorkflows,
	tourNpmStartStack,
	type TourReport,
} from '../../scripts/editor-tour';
import { REPO_DIR } from '../../scripts/n8n-instance';

const templates = templateWorkflows(join(REPO_DIR, 'templates'));
const imagesDir = mkdtempSync(join(tmpdir(), 'wix-browser-images-'));
let report: TourReport;
/** Whether a test (or the tour) failed: its screenshots are then kept for a look. */
let failed = false;

/** A test that marks the file failed when it fails. */
function check(name: string, body: () => void) {
	test(name, () => {
		try {
			body();
		} catch (error) {
			failed = true;
			throw error;
		}
	});
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
	try {
		report = await tourNpmStartStack({
			imagesDir,
			build: false,
			log: (line) => process.stderr.write(`[browser] ${line}\n`),
		});
	} catch (error) {
		failed = true;
		throw error;
	}
}, 300_000);

afterAll(() => {
	if (failed) process.stderr.write(`[browser] screenshots kept in ${imagesDir}\n`);
	else rmSync(imagesDir, { recursive: true, force: true });
});

check('searching the node panel for "Wix" offers every node of the package', () => {
	// The panel shows triggers without the word "Trigger".
	expect(report.nodePanel).toEqual(expect.arrayContaining(['Wix', 'Wix Contacts', 'Wix Polling']));
});

check('every template opens on the canvas with all of its nodes and no error toast', () => {
	expect(templates.length).toBeGreaterThanOrEqual(11);
	expect(templates.map((t) => t.id)).toEqual(
		expect.arrayContaining([
			'wixTplLeadFunnel',
			'wixTplLeadFunLeg',
			'wixTplLoyaltySet',
			'wixTplLoyaltySyn',
			'wixTplLoyaltyMil',
		]),
	);
	for (const template of templates) {
		const canvas = report.canvases.find((c) => c.id === template.id);
		expect({ id: template.id, nodes: [...(canvas?.nodesOnCanvas ?? [])].sort() }).toEqual({
			id: template.id,
			nodes: [...template.nodeNames].sort(),
		});
	}
});

check('a Wix Contacts node opens its parameter panel with the upsert fields', () => {
	expect(report.parameters).toEqual(
		expect.arrayContaining(['operation', 'email', 'firstName', 'lastName']),
	);
});

check(
	'a Wix Workflows node opens its parameter panel, and its stage picker lists the pipeline’s stages from Wix',
	() => {
		expect(report.workflowsPanel?.parameters).toEqual(
			expect.arrayContaining(['api', 'resource', 'operation', 'cardId', 'pipelineId', 'stageId']),
		);
		// The demo pipeline's stages in order, then its done stage.
		expect(report.workflowsPanel?.pickerOptions).toEqual([
			'New Lead',
			'Contacted',
			'Qualified',
			'Proposal Sent',
			'Negotiating',
			'Done (Done Stage)',
		]);
	},
);

check(
	'a Wix Loyalty node (a loyalty template’s Set Balance) opens its parameter panel with no error toast',
	() => {
		expect(report.moreParameters['Set Balance']).toEqual(
			expect.arrayContaining(['resource', 'operation', 'adjustment', 'points']),
		);
	},
);

check("a failing Wix call shows Wix's error, naming the node, the contact and Wix's code", () => {
	expect(report.failureToast).toContain('Get Contact');
	expect(report.failureToast).toContain(MISSING_CONTACT);
	expect(report.failureToast).toContain('CONTACT_NOT_FOUND');
});

check('each step left a screenshot', () => {
	// The node panel, every template, the Contacts, Loyalty and Workflows panels, the error toast.
	expect(report.screenshots).toHaveLength(templates.length + 5);
	for (const file of report.screenshots) expect(statSync(file).size).toBeGreaterThan(10_000);
});
