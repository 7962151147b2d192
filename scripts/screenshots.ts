// `npm run screenshots`: starts the same stack as `npm start` (on free ports, in a scratch folder),
// drives Debian's Chromium with playwright-core through the n8n editor, checks that every node of
// the package is offered and every template opens without an error toast, and saves pictures to
// docs/images for the README. Needs `apt-get install chromium`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { freePort, OWNER, REPO_DIR } from './n8n-instance';
import { startStack } from './start';

const IMAGES = join(REPO_DIR, 'docs', 'images');

async function noErrorToast(page: Page, where: string) {
	const errors = await page.locator('.el-notification--error, [data-test-id="toast"].error, .el-message--error').count();
	if (errors) throw new Error(`${where}: the editor shows ${errors} error toast(s)`);
}

async function main() {
	const stack = await startStack({
		home: mkdtempSync(join(tmpdir(), 'wix-shots-')),
		port: await freePort(),
		sandboxPort: await freePort(),
		externalPort: await freePort(),
		seed: 'demo',
	});
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(`${stack.n8n.url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });

		await page.goto(`${stack.n8n.url}/workflow/new`);
		await page.waitForTimeout(3000);
		const gotIt = page.getByRole('button', { name: 'Got it' });
		if (await gotIt.count()) await gotIt.first().click();
		// n8n 2.x opens the nodes panel with N.
		await page.keyboard.press('n');
		await page.waitForTimeout(1000);
		await page.keyboard.type('Wix');
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(IMAGES, 'node-panel.png') });
		const panel = await page.content();
		// The panel lists triggers without the word "Trigger": Wix (our Wix Trigger), Wix Polling.
		for (const text of ['Wix Contacts', 'Wix Polling', 'Starts the workflow on Wix events']) {
			if (!panel.includes(text)) throw new Error(`the node panel does not offer "${text}"`);
		}
		await noErrorToast(page, 'node panel');
		process.stdout.write('node panel: all three Wix nodes offered\n');

		const workflows = (await stack.n8n.api('GET', '/workflows')).data as Array<{ id: string; name: string }>;
		for (const workflow of workflows) {
			await page.goto(`${stack.n8n.url}/workflow/${workflow.id}`);
			await page.waitForTimeout(3000);
			await noErrorToast(page, workflow.name);
			await page.screenshot({ path: join(IMAGES, `template-${workflow.id}.png`) });
			process.stdout.write(`template ${workflow.name}: opened\n`);
		}

		// The editor opens a node's parameters from its URL: /workflow/<workflow>/<node id>.
		const sync = (await stack.n8n.api('GET', '/workflows/wixTplTwoWaySync')) as { id: string; nodes: Array<{ id: string; name: string }> };
		const node = sync.nodes.find((n) => n.name === 'Upsert in Wix')!;
		await page.goto(`${stack.n8n.url}/workflow/${sync.id}/${node.id}`);
		await page.waitForTimeout(3000);
		if (!(await page.content()).includes('Contact Fields')) throw new Error('the parameter panel of Upsert in Wix did not open');
		await noErrorToast(page, 'parameter panel');
		await page.screenshot({ path: join(IMAGES, 'parameters-contacts.png') });
		process.stdout.write('parameter panel: opened\n');
	} finally {
		await browser.close();
		await stack.n8n.stop();
		await stack.sandbox.close();
		await stack.external.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
