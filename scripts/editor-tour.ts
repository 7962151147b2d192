// Walks the n8n editor in Debian's Chromium the way a new user would: log in, search the node panel
// for "Wix", open every imported template and one node's parameters. Every step waits for the
// element it needs (no fixed sleeps) and fails on an error toast. Used by the browser test and by
// `npm run screenshots`, which keeps the pictures for the README.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { freePort, OWNER, REPO_DIR } from './n8n-instance';
import { startStack } from './start';

export const CHROMIUM = '/usr/bin/chromium';

export interface TourWorkflow {
	id: string;
	name: string;
	/** Names of the workflow's nodes other than sticky notes, as stored in n8n. */
	nodeNames: string[];
}

export interface TourOptions {
	url: string;
	workflows: TourWorkflow[];
	/** The node whose parameter panel is opened, and a parameter that panel must show. */
	parameterPanel: ParameterPanel;
	/** More parameter panels to open (e.g. a Wix Loyalty node), each with its own screenshot. */
	moreParameterPanels?: ParameterPanel[];
	/** A workflow whose Wix call fails: executed from the canvas, its error toast is the expected one. */
	failingWorkflowId?: string;
	imagesDir: string;
	log?: (line: string) => void;
}

export interface ParameterPanel {
	workflowId: string;
	nodeName: string;
	parameter: string;
	/** The screenshot's file name. */
	screenshot?: string;
}

export interface TourReport {
	nodePanel: string[];
	canvases: Array<{ id: string; name: string; nodesOnCanvas: string[] }>;
	parameters: string[];
	/** The parameters each further panel showed, by node name. */
	moreParameters: Record<string, string[]>;
	/** The error toast the failing workflow raised. */
	failureToast?: string;
	screenshots: string[];
}

const STEP_TIMEOUT = 30_000;

export const MISSING_CONTACT = '00000000-0000-4000-8000-000000000000';

/** A manual workflow whose Wix Contacts node asks for a contact the site does not have. */
export function missingContactWorkflow() {
	return {
		name: 'Get a contact that is not there',
		settings: {},
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'get',
				name: 'Get Contact',
				type: 'n8n-nodes-wix-crm.wixContacts',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'contact',
					operation: 'get',
					contactId: { __rl: true, mode: 'id', value: MISSING_CONTACT },
				},
				credentials: { wixApiKeyApi: { id: 'wixSandboxApiKey', name: 'Wix sandbox' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Get Contact', type: 'main', index: 0 }]] } },
	};
}

/** The workflows under `templates/`, as the tour expects to find them on the canvas. */
export function templateWorkflows(dir: string): TourWorkflow[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map(
			(f) =>
				JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
					id: string;
					name: string;
					nodes: Array<{ name: string; type: string }>;
				},
		)
		.map((t) => ({
			id: t.id,
			name: t.name,
			nodeNames: t.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name),
		}));
}

export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** The text of any error toast the editor shows, empty when there is none. */
export async function errorToasts(page: Page): Promise<string[]> {
	return await page.locator('.el-notification:has(.el-notification--error)').allInnerTexts();
}

async function expectNoErrorToast(page: Page, where: string) {
	const toasts = await errorToasts(page);
	if (toasts.length) throw new Error(`${where}: the editor shows an error: ${toasts.join(' | ')}`);
}

/** Onboarding pop-overs that would cover the canvas on a fresh instance. */
async function dismissPopovers(page: Page) {
	for (const name of ['Got it', 'Skip', 'Close']) {
		const button = page.getByRole('button', { name, exact: true });
		if (await button.isVisible().catch(() => false)) await button.first().click();
	}
}

export async function login(page: Page, url: string) {
	await page.goto(`${url}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: STEP_TIMEOUT });
}

export async function tourEditor(options: TourOptions): Promise<TourReport> {
	const { url, imagesDir, log = () => undefined } = options;
	mkdirSync(imagesDir, { recursive: true });
	const report: TourReport = {
		nodePanel: [],
		canvases: [],
		parameters: [],
		moreParameters: {},
		screenshots: [],
	};
	const browser = await launchChromium();
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(STEP_TIMEOUT);
	const shoot = async (file: string) => {
		const path = join(imagesDir, file);
		await page.screenshot({ path });
		report.screenshots.push(path);
		return path;
	};
	try {
		await login(page, url);
		log('logged in');

		await page.goto(`${url}/workflow/new`);
		await page.locator('[data-test-id="canvas-wrapper"]').waitFor();
		await dismissPopovers(page);
		// n8n 2.x opens the node panel with N.
		await page.keyboard.press('n');
		await page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
		await page.keyboard.type('Wix');
		const items = page.locator('[data-test-id="node-creator-item-name"]');
		await items.filter({ hasText: 'Wix Contacts' }).first().waitFor();
		report.nodePanel = (await items.allInnerTexts()).map((t) => t.trim());
		await expectNoErrorToast(page, 'node panel');
		await shoot('node-panel.png');
		log(`node panel offers: ${report.nodePanel.join(', ')}`);

		for (const workflow of options.workflows) {
			await page.goto(`${url}/workflow/${workflow.id}`);
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor();
			// The canvas draws nodes in one pass; wait until all of them are there.
			await page.waitForFunction(
				`document.querySelectorAll('[data-test-id="canvas-node"]').length >= ${workflow.nodeNames.length}`,
			);
			const nodesOnCanvas = await nodes.evaluateAll((els) =>
				els.map((e) => e.getAttribute('data-node-name') ?? ''),
			);
			await dismissPopovers(page);
			await expectNoErrorToast(page, workflow.name);
			await shoot(`template-${workflow.id}.png`);
			report.canvases.push({ id: workflow.id, name: workflow.name, nodesOnCanvas });
			log(`${workflow.name}: ${nodesOnCanvas.length} nodes on the canvas`);
		}

		const openPanel = async ({ workflowId, nodeName, parameter, screenshot }: ParameterPanel) => {
			await page.goto(`${url}/workflow/${workflowId}`);
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor();
			const shown = await ndv
				.locator('[data-test-id^="parameter-input-"]:visible')
				.evaluateAll((els) =>
					[
						...new Set(
							els.map((e) =>
								(e.getAttribute('data-test-id') ?? '').replace('parameter-input-', ''),
							),
						),
					].filter((n) => n && n !== 'field'),
				);
			await expectNoErrorToast(page, `${nodeName} parameters`);
			await shoot(screenshot ?? 'parameters-contacts.png');
			log(`${nodeName} parameters: ${shown.join(', ')}`);
			return shown;
		};
		report.parameters = await openPanel(options.parameterPanel);
		for (const panel of options.moreParameterPanels ?? [])
			report.moreParameters[panel.nodeName] = await openPanel(panel);

		if (options.failingWorkflowId) {
			await page.goto(`${url}/workflow/${options.failingWorkflowId}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
			await expectNoErrorToast(page, 'the failing workflow before its run');
			await page.locator('[data-test-id="execute-workflow-button"]').click();
			await page.locator('.el-notification:has(.el-notification--error)').first().waitFor();
			report.failureToast = (await errorToasts(page)).join('\n');
			await shoot('error-toast.png');
			log(`failing run: ${report.failureToast.replace(/\s+/g, ' ')}`);
		}
		return report;
	} catch (error) {
		await shoot('failure.png').catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

/**
 * The stack `npm start` runs (demo data, credentials, templates), on free ports in a scratch folder,
 * toured with a failing workflow added, then stopped.
 */
export async function tourNpmStartStack({
	imagesDir,
	build = true,
	log,
}: {
	imagesDir: string;
	build?: boolean;
	log?: (line: string) => void;
}): Promise<TourReport> {
	const stack = await startStack({
		home: mkdtempSync(join(tmpdir(), 'wix-tour-')),
		port: await freePort(),
		sandboxPort: await freePort(),
		externalPort: await freePort(),
		seed: 'demo',
		build,
	});
	try {
		const failing = (await stack.n8n.api('POST', '/workflows', missingContactWorkflow())) as {
			id: string;
		};
		return await tourEditor({
			url: stack.n8n.url,
			workflows: templateWorkflows(join(REPO_DIR, 'templates')),
			parameterPanel: {
				workflowId: 'wixTplTwoWaySync',
				nodeName: 'Upsert in Wix',
				parameter: 'email',
			},
			moreParameterPanels: [
				{
					workflowId: 'wixTplLoyaltySet',
					nodeName: 'Set Balance',
					parameter: 'points',
					screenshot: 'parameters-loyalty.png',
				},
			],
			failingWorkflowId: failing.id,
			imagesDir,
			log,
		});
	} finally {
		await stack.stop();
	}
}
