/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Starts a real n8n (the pinned runtime from n8n-runtime.mjs) with this package installed the way
// n8n's Community Nodes screen installs it, plus helpers to drive it headless: CLI imports and
// executions, login, API key, publish, executions. Used by `npm start` and the e2e tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { ensureRuntime, runtimePaths, type RuntimePaths, type RuntimeSpec } from './n8n-runtime';

const execFileAsync = promisify(execFile);
export const REPO_DIR = resolve(__dirname, '..');
export const OWNER = {
	email: 'owner@example.com',
	password: 'Sandbox-Passw0rd',
	firstName: 'Site',
	lastName: 'Owner',
};

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

/** `npm pack` of the built package, the artifact users install. */
export async function packPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const { stdout } = await execFileAsync(
		'npm',
		['pack', '--silent', '--pack-destination', destination],
		{ cwd: REPO_DIR },
	);
	return join(destination, stdout.trim().split('\n').pop() ?? '');
}

/** Mirrors n8n's community-package install: unpack into ~/.n8n/nodes/node_modules, drop peer/dev deps. */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', 'n8n-nodes-wix-crm');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await execFileAsync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const pkgPath = join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		readFileSync(pkgPath, 'utf8'),
	);
	void [devDependencies, peerDependencies, optionalDependencies];
	writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { 'n8n-nodes-wix-crm': pkg.version },
			},
			null,
			2,
		),
	);
	return target;
}

function ownerPasswordHash(paths: RuntimePaths): string {
	const require = createRequire(join(paths.n8nModules, 'n8n', 'package.json'));
	return require('bcryptjs').hashSync(OWNER.password, 10);
}

export interface N8nDescriptor {
	paths: RuntimePaths;
	userFolder: string;
	port: number;
	env: Record<string, string | undefined>;
	/** A logged-in session shared by every test file: n8n allows 5 logins per minute per user. */
	cookie?: string;
	apiKey?: string;
}

export class N8nInstance {
	readonly paths: RuntimePaths;
	readonly userFolder: string;
	readonly port: number;
	readonly env: Record<string, string | undefined>;
	readonly url: string;
	process?: ChildProcess;
	/** Aborting it kills a running CLI command (`npm start` stopped while it imports). */
	abortSignal?: AbortSignal;
	cookie?: string;
	apiKey?: string;
	logs: string[] = [];
	private ownProcessGroup = false;

	constructor({ paths, userFolder, port, env, cookie, apiKey }: N8nDescriptor) {
		this.cookie = cookie;
		this.apiKey = apiKey;
		this.paths = paths;
		this.userFolder = userFolder;
		this.port = port;
		this.env = env;
		this.url = `http://127.0.0.1:${port}`;
	}

	/** What another process (a test worker) needs to drive the same running instance. */
	describe(): N8nDescriptor {
		return {
			paths: this.paths,
			userFolder: this.userFolder,
			port: this.port,
			env: this.env,
			cookie: this.cookie,
			apiKey: this.apiKey,
		};
	}

	/** Runs an n8n CLI command next to the server (its own task-broker port) and returns stdout. */
	async cli(args: string[], { timeoutMs = 180_000 } = {}): Promise<string> {
		// `n8n execute` prints its result through the logger at info level.
		const env = {
			...this.env,
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		try {
			const { stdout } = await execFileAsync(this.paths.nodeBin, [this.paths.n8nBin, ...args], {
				env,
				cwd: this.userFolder,
				timeout: timeoutMs,
				maxBuffer: 256 * 1024 * 1024,
				signal: this.abortSignal,
			});
			return stdout;
		} catch (error) {
			const e = error as { stdout?: string; stderr?: string; message: string };
			throw Object.assign(
				new Error(
					`n8n ${args[0]} failed: ${e.message}\nstdout: ${(e.stdout ?? '').slice(-4000)}\nstderr: ${(e.stderr ?? '').slice(-4000)}`,
				),
				{
					stdout: e.stdout,
					stderr: e.stderr,
				},
			);
		}
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = join(this.userFolder, `credentials-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		const file = join(this.userFolder, `workflow-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** Executes a workflow with a Manual Trigger through `n8n execute` and returns the run data. */
	async execute(workflowId: string): Promise<any> {
		const stdout = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		// Log lines come before and sometimes after the pretty-printed result, which starts with a
		// line "{" and ends with the first line "}" at column 0.
		const lines = stdout.split('\n');
		const start = lines.findIndex((line) => line.startsWith('{'));
		const end = lines.findIndex((line, k) => k > start && line === '}');
		if (start < 0 || end < 0)
			throw new Error(`n8n execute printed no JSON:\n${stdout.slice(-2000)}`);
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	}

	/**
	 * Records the installed package in n8n's database the way the Community Nodes screen's install
	 * does (InstalledPackagesRepository.persistPackageWithNodes: the package with its version and
	 * author, one row per node type, read by n8n's own PackageDirectoryLoader), so Settings →
	 * Community Nodes lists it and n8n sees nothing missing to reinstall at start. Needs the migrated
	 * database: call it after a CLI command (an import) has run, before `start`.
	 */
	async registerCommunityPackage(packageName = 'n8n-nodes-wix-crm'): Promise<void> {
		const script = `
const { PackageDirectoryLoader } = require('n8n-core');
const sqlite3 = require('sqlite3');
const [dir, dbFile] = process.argv.slice(1);
(async () => {
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	const { packageJson, nodeTypes, loadedNodes } = loader;
	const db = new sqlite3.Database(dbFile);
	const run = (sql, params) =>
		new Promise((ok, fail) => db.run(sql, params, (error) => (error ? fail(error) : ok())));
	// n8n's sqlite schema has a literal string as the timestamps' default, so they are given here.
	const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
	await run('BEGIN', []);
	await run('DELETE FROM installed_nodes WHERE package = ?', [packageJson.name]);
	await run('DELETE FROM installed_packages WHERE packageName = ?', [packageJson.name]);
	await run(
		'INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
		[packageJson.name, packageJson.version, packageJson.author?.name ?? null, packageJson.author?.email ?? null, now, now],
	);
	for (const node of loadedNodes)
		await run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', [
			nodeTypes[node.name].type.description.displayName,
			packageJson.name + '.' + node.name,
			node.version,
			packageJson.name,
		]);
	await run('COMMIT', []);
	db.close();
	process.stdout.write(loadedNodes.length + ' node types registered');
})().catch((error) => {
	process.stderr.write(String(error && error.stack || error));
	process.exit(1);
});`;
		await execFileAsync(
			this.paths.nodeBin,
			[
				'-e',
				script,
				join(this.userFolder, '.n8n', 'nodes', 'node_modules', packageName),
				join(this.userFolder, '.n8n', 'database.sqlite'),
			],
			// The package's nodes require n8n-workflow, which n8n resolves from its own node_modules.
			{ cwd: this.userFolder, env: { ...this.env, NODE_PATH: this.paths.n8nModules } },
		);
	}

	/**
	 * Starts `n8n start` and waits until it is ready. `ownProcessGroup` puts n8n and its task runners
	 * in a process group of their own, which `stop` ends as a whole (`npm start` does: the terminal's
	 * Ctrl-C then reaches only the script, which stops n8n in order).
	 */
	async start({ readyTimeoutMs = 120_000, ownProcessGroup = false } = {}) {
		this.process = spawn(this.paths.nodeBin, [this.paths.n8nBin, 'start'], {
			env: this.env,
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: ownProcessGroup,
		});
		this.ownProcessGroup = ownProcessGroup;
		const keep = (chunk: Buffer) => {
			this.logs.push(chunk.toString());
			if (this.logs.length > 500) this.logs.shift();
		};
		this.process.stdout!.on('data', keep);
		this.process.stderr!.on('data', keep);
		const deadline = Date.now() + readyTimeoutMs;
		while (Date.now() < deadline) {
			if (this.process.exitCode !== null) {
				await new Promise((r) => setTimeout(r, 200));
				throw new Error(
					`n8n exited early (code ${this.process.exitCode}):\n${this.logs.join('').slice(-3000)}`,
				);
			}
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(
			`n8n was not ready within ${readyTimeoutMs} ms:\n${this.logs.join('').slice(-3000)}`,
		);
	}

	/** SIGTERM, SIGKILL after `killAfterMs`; with its own process group, what is left of the group too. */
	async stop({ killAfterMs = 15_000 } = {}) {
		const child = this.process;
		if (!child) return;
		const signalGroup = (signal: NodeJS.Signals) => {
			try {
				if (this.ownProcessGroup && child.pid) process.kill(-child.pid, signal);
				else child.kill(signal);
			} catch {
				// already gone
			}
		};
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => signalGroup('SIGKILL'), killAfterMs);
			await exited;
			clearTimeout(timer);
		}
		// Task runners n8n started and did not end.
		if (this.ownProcessGroup) signalGroup('SIGKILL');
	}

	async login() {
		let response: Response;
		// Just after start n8n may still answer 408 or 503; 429 means its 5-logins-a-minute limit.
		for (let attempt = 1; ; attempt++) {
			response = await fetch(`${this.url}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
			if (response.ok || attempt >= 8 || ![408, 429, 502, 503].includes(response.status)) break;
			await new Promise((r) => setTimeout(r, response.status === 429 ? 15_000 : 1_000));
		}
		if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
		this.cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		return this.cookie;
	}

	/** The session cookie, logging in only when there is none yet. */
	async session(): Promise<string> {
		return this.cookie ?? (await this.login());
	}

	async rest(method: string, path: string, body?: unknown): Promise<any> {
		const cookie = await this.session();
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				Cookie: cookie,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${path}: ${response.status} ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : {};
	}

	/** The executions of a workflow, newest first, with their run data. */
	async executions(workflowId: string): Promise<any[]> {
		return (
			await this.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`)
		).data;
	}

	async ensureApiKey(): Promise<string> {
		if (this.apiKey) return this.apiKey;
		const scopes = [
			'workflow:read',
			'workflow:list',
			'workflow:create',
			'workflow:update',
			'workflow:delete',
			'workflow:activate',
			'workflow:deactivate',
			'execution:read',
			'execution:list',
			'credential:create',
		];
		const result = await this.rest('POST', '/api-keys', {
			label: `e2e-${randomBytes(3).toString('hex')}`,
			expiresAt: null,
			scopes,
		});
		this.apiKey = String(result.data.rawApiKey);
		return this.apiKey;
	}

	async api(method: string, path: string, body?: unknown): Promise<any> {
		const key = await this.ensureApiKey();
		const response = await fetch(`${this.url}/api/v1${path}`, {
			method,
			headers: {
				'X-N8N-API-KEY': key,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /api/v1${path}: ${response.status} ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : {};
	}
}

/**
 * What n8n takes from the caller's environment: test runners set NODE_ENV=test and friends, which
 * change how n8n behaves. The trusted certificates go along: behind a proxy that re-signs TLS, the
 * npm n8n runs for Settings → Community Nodes (`npm outdated`) failed without them and retried for
 * 70 s before the screen answered.
 */
export function inheritedEnvironment(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
	const kept = ['HOME', 'PATH', 'LANG', 'TZ', 'TMPDIR', 'USER'];
	const certificates = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];
	return Object.fromEntries(
		Object.entries(env).filter(([key]) => [...kept, ...certificates].includes(key)),
	);
}

/**
 * Prepares a fresh n8n user folder with our packed package and returns an instance (not started).
 * The runtime is installed once per machine and cached outside the clone.
 */
export async function createN8n({
	tarball,
	userFolder,
	port,
	extraEnv = {},
	runtime,
}: {
	tarball?: string;
	userFolder?: string;
	port?: number;
	extraEnv?: Record<string, string>;
	/** Another n8n than the default 2.x, e.g. N8N1_RUNTIME. */
	runtime?: RuntimeSpec;
} = {}): Promise<N8nInstance> {
	const paths = ensureRuntime(runtime);
	const folder = userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-wix-'));
	mkdirSync(join(folder, '.n8n'), { recursive: true });
	if (tarball) await installPackage(folder, tarball);
	const n8nPort = port ?? (await freePort());
	const inherited = inheritedEnvironment(process.env);
	const env: Record<string, string | undefined> = {
		...inherited,
		NODE_ENV: 'production',
		PATH: `${join(paths.nodeHome, 'bin')}:${process.env.PATH}`,
		N8N_USER_FOLDER: folder,
		N8N_ENCRYPTION_KEY: 'wix-crm-sandbox-encryption-key',
		N8N_PORT: String(n8nPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${n8nPort}`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/`,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(paths),
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'warn',
		DB_SQLITE_POOL_SIZE: '4',
		...extraEnv,
	};
	return new N8nInstance({ paths, userFolder: folder, port: n8nPort, env });
}

export { runtimePaths };
