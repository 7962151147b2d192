/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Settings → Community Nodes as a user who installed the package on that screen sees it: n8n lists
// it from its database (GET /rest/community-packages, what the screen shows) with its version and
// every node type, all loaded, and did not try to reinstall it when it started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_DIR } from '../../scripts/n8n-instance';
import { e2e } from './fixtures';

const { n8n } = e2e();
const packageJson = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8'));
/** `dist/nodes/Wix/Contacts/WixContacts.node.js` → `n8n-nodes-wix-crm.wixContacts`. */
const nodeTypes: string[] = packageJson.n8n.nodes.map(
	(file: string) =>
		`${packageJson.name}.${file
			.split('/')
			.pop()!
			.replace(/\.node\.js$/, '')
			.replace(/^./, (c) => c.toLowerCase())}`,
);

test('GET /rest/community-packages lists n8n-nodes-wix-crm with its version and all of its node types, loaded', async () => {
	const { data } = await n8n.rest('GET', '/community-packages');
	expect(data.map((p: any) => p.packageName)).toEqual([packageJson.name]);
	const [pkg] = data;
	expect(pkg).toMatchObject({
		packageName: 'n8n-nodes-wix-crm',
		installedVersion: packageJson.version,
		authorName: packageJson.author.name,
		failedLoading: false,
	});
	expect(pkg.installedNodes.map((n: any) => n.type).sort()).toEqual([...nodeTypes].sort());
	expect(nodeTypes).toHaveLength(6);
	expect(pkg.installedNodes.find((n: any) => n.type.endsWith('.wixContacts'))).toMatchObject({
		name: 'Wix Contacts',
		latestVersion: 1,
	});
});

test('n8n found nothing missing at start: no reinstall attempt, and the installed copy is the packed one', () => {
	const { startLog } = JSON.parse(readFileSync(process.env.WIX_E2E!, 'utf8'));
	const log = readFileSync(startLog, 'utf8');
	expect(log).not.toMatch(/packages are missing|reinstall/i);
	const installed = JSON.parse(
		readFileSync(
			join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-wix-crm', 'package.json'),
			'utf8',
		),
	);
	// The packed package with its dev dependencies dropped, as installPackage leaves it.
	expect(installed).toMatchObject({ name: packageJson.name, version: packageJson.version });
	expect(installed.devDependencies).toBeUndefined();
});
