// `npm run screenshots`: starts the same stack as `npm start` (on free ports, in a scratch folder),
// tours the editor in Debian's Chromium (scripts/editor-tour.ts) and keeps the pictures in
// docs/images for the README. Needs `apt-get install chromium`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { missingContactWorkflow, templateWorkflows, tourEditor } from './editor-tour';
import { freePort, REPO_DIR } from './n8n-instance';
import { startStack } from './start';

async function main() {
	const stack = await startStack({
		home: mkdtempSync(join(tmpdir(), 'wix-shots-')),
		port: await freePort(),
		sandboxPort: await freePort(),
		externalPort: await freePort(),
		seed: 'demo',
	});
	try {
		const failing = await stack.n8n.api('POST', '/workflows', missingContactWorkflow());
		await tourEditor({
			failingWorkflowId: failing.id,
			url: stack.n8n.url,
			workflows: templateWorkflows(join(REPO_DIR, 'templates')),
			parameterPanel: { workflowId: 'wixTplTwoWaySync', nodeName: 'Upsert in Wix', parameter: 'email' },
			imagesDir: join(REPO_DIR, 'docs', 'images'),
			log: (line) => process.stdout.write(`${line}\n`),
		});
	} finally {
		await stack.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
