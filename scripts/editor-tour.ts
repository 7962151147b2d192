/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Walks the n8n editor in Debian's Chromium the way a new user would: log in, search the node panel
// for "Wix", open every imported template and the parameters of a Wix Contacts and a Wix Workflows
// node (the latter's stage picker opened). Every step waits for the
// element it needs (no fixed sleeps) and fails on an error toast. Used by the browser test and by
// `npm run screenshots`, which keeps the pictures for the README.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type Page, type Request } from 'playwright-core';

import { freePort, OWNER, REPO_DIR } from './n8n-instance';
import { startStack, stopAll } from './start';

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
	/**
	 * A Wix Workflows node whose parameter panel is opened, and a picker (an options parameter that
	 * loads its list from Wix) that is opened there.
	 */
	workflowsPanel?: { workflowId: string; nodeName: string; picker: string };
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
	/** The Wix Workflows panel's parameters, and the entries its picker listed. */
	workflowsPanel?: { parameters: string[]; pickerOptions: string[] };
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

/** The parameters the open parameter panel shows. */
async function visibleParameters(page: Page): Promise<string[]> {
	return await page
		.locator('[data-test-id="ndv"] [data-test-id^="parameter-input-"]:visible')
		.evaluateAll((els) =>
			[
				...new Set(
					els.map((e) => (e.getAttribute('data-test-id') ?? '').replace('parameter-input-', '')),
				),
			].filter((n) => n && n !== 'field'),
		);
}

/** A manual workflow with a Wix Workflows node moving a card of the given pipeline. */
export function moveCardWorkflow(pipeline: { id: string; name: string }) {
	return {
		name: 'Move a funnel card',
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
				id: 'move',
				name: 'Move Card',
				type: 'n8n-nodes-wix-crm.wixWorkflows',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'card',
					operation: 'move',
					cardId: '',
					pipelineId: {
						__rl: true,
						mode: 'list',
						value: pipeline.id,
						cachedResultName: pipeline.name,
					},
					stageId: '',
				},
				credentials: { wixApiKeyApi: { id: 'wixSandboxApiKey', name: 'Wix sandbox' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Move Card', type: 'main', index: 0 }]] } },
	};
}

/**
 * Counts the editor's requests for parameter options (load-options and list-search methods), so a
 * step can wait until the lists it is about to open have stopped reloading.
 */
function trackOptionRequests(page: Page) {
	const isOptions = (request: Request) => request.url().includes('/rest/dynamic-node-parameters/');
	let inFlight = 0;
	let lastChange = Date.now();
	page.on('request', (request) => {
		if (!isOptions(request)) return;
		inFlight++;
		lastChange = Date.now();
	});
	const finished = (request: Request) => {
		if (!isOptions(request)) return;
		inFlight--;
		lastChange = Date.now();
	};
	page.on('requestfinished', finished);
	page.on('requestfailed', finished);
	return {
		/** Resolves once no options request has been in flight for `quietMs`. */
		async settled(quietMs = 1_000): Promise<void> {
			const deadline = Date.now() + STEP_TIMEOUT;
			while (inFlight > 0 || Date.now() - lastChange < quietMs) {
				if (Date.now() > deadline)
					throw new Error(`parameter options still loading after ${STEP_TIMEOUT} ms`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
	};
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
	const optionRequests = trackOptionRequests(page);
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

		const ndv = page.locator('[data-test-id="ndv"]');
		const openPanel = async ({ workflowId, nodeName, parameter, screenshot }: ParameterPanel) => {
			await page.goto(`${url}/workflow/${workflowId}`);
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
			await ndv.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor();
			const shown = await visibleParameters(page);
			await expectNoErrorToast(page, `${nodeName} parameters`);
			await shoot(screenshot ?? 'parameters-contacts.png');
			log(`${nodeName} parameters: ${shown.join(', ')}`);
			return shown;
		};
		report.parameters = await openPanel(options.parameterPanel);
		for (const panel of options.moreParameterPanels ?? [])
			report.moreParameters[panel.nodeName] = await openPanel(panel);

		if (options.workflowsPanel) {
			const panel = options.workflowsPanel;
			await page.goto(`${url}/workflow/${panel.workflowId}`);
			await page
				.locator(`[data-test-id="canvas-node"][data-node-name="${panel.nodeName}"]`)
				.dblclick();
			const picker = ndv.locator(`[data-test-id="parameter-input-${panel.picker}"]`).first();
			await picker.waitFor();
			const parameters = await visibleParameters(page);
			// The list comes from Wix through the node's load-options method when the picker opens.
			// n8n fills the node's defaults (the Site picker among them) after the panel opens; the
			// stage list depends on Site and Pipeline, so it reloads then, and n8n closes an open
			// dropdown as it re-renders. So open it only once no options request is in flight, and
			// open it again if a late reload closed it all the same.
			const entries = page.locator('.el-select-dropdown__item:visible');
			for (let attempt = 1; ; attempt++) {
				await optionRequests.settled();
				if (!(await entries.first().isVisible())) await picker.click();
				try {
					await entries.first().waitFor({ timeout: 5_000 });
					break;
				} catch (error) {
					if (attempt === 4) throw error;
					log(`${panel.picker}: its dropdown closed before showing entries; opening it again`);
				}
			}
			// An entry shows its name, and its description on a line below.
			const pickerOptions = (await entries.allInnerTexts()).map((t) => t.trim().split('\n')[0]);
			await expectNoErrorToast(page, `${panel.nodeName} parameters`);
			await shoot('parameters-workflows.png');
			report.workflowsPanel = { parameters, pickerOptions };
			log(
				`${panel.nodeName} parameters: ${parameters.join(', ')}; ${panel.picker}: ${pickerOptions.join(', ')}`,
			);
		}

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
	const home = mkdtempSync(join(tmpdir(), 'wix-tour-'));
	// Filled as the stack starts, so a start that fails half-way stops what it started.
	const stops: Array<() => Promise<void>> = [];
	try {
		const stack = await startStack({
			home,
			port: await freePort(),
			sandboxPort: await freePort(),
			externalPort: await freePort(),
			seed: 'demo',
			build,
			stops,
			progress: log,
		});
		const failing = (await stack.n8n.api('POST', '/workflows', missingContactWorkflow())) as {
			id: string;
		};
		const { pipelines } = (await (
			await fetch(`${stack.sandbox.url}/_sandbox/pipelines`)
		).json()) as { pipelines: Array<{ id: string; name: string }> };
		const moveCard = (await stack.n8n.api(
			'POST',
			'/workflows',
			moveCardWorkflow(pipelines[0]),
		)) as {
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
			workflowsPanel: { workflowId: moveCard.id, nodeName: 'Move Card', picker: 'stageId' },
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
		await stopAll(stops);
		rmSync(home, { recursive: true, force: true });
	}
}
