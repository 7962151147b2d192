/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// n8n in queue mode, as users scale it out: Postgres and Redis from Debian's packages, started on
// free ports under a temporary folder (never as system services), one main process that serves the
// editor and API, one webhook processor that takes every production webhook, and workers that run
// the executions. All share one user folder with our packed package installed as the Community
// Nodes screen installs it. Used by the queue-mode e2e tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createN8n, freePort, N8nInstance, type N8nDescriptor } from './n8n-instance';

const execFileAsync = promisify(execFile);

function postgresBin(tool: string): string {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root)
		? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
		: undefined;
	if (!version) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
	return join(root, version, 'bin', tool);
}

/** Postgres refuses to run as root; Debian's package brings the `postgres` user for it. */
async function asPostgres(tool: string, args: string[]) {
	const asRoot = process.getuid?.() === 0;
	const [cmd, cmdArgs] = asRoot
		? ['runuser', ['-u', 'postgres', '--', postgresBin(tool), ...args]]
		: [postgresBin(tool), args];
	return await execFileAsync(cmd, cmdArgs, { timeout: 120_000 });
}

export interface QueueSetup {
	main: N8nInstance;
	webhook: N8nInstance;
	workers: N8nInstance[];
	postgresPort: number;
	redisPort: number;
	dir: string;
}

export interface QueueDescriptor {
	main: N8nDescriptor;
	webhookUrl: string;
}

export class N8nQueue {
	private children: ChildProcess[] = [];
	private pgData = '';
	logs: Record<string, string[]> = {};

	constructor(private readonly dir = mkdtempSync(join(tmpdir(), 'n8n-queue-'))) {}

	private keep(name: string, child: ChildProcess) {
		const lines: string[] = (this.logs[name] = []);
		const push = (chunk: Buffer) => {
			lines.push(chunk.toString());
			if (lines.length > 300) lines.shift();
		};
		child.stdout?.on('data', push);
		child.stderr?.on('data', push);
		this.children.push(child);
	}

	async startPostgres(): Promise<number> {
		const port = await freePort();
		this.pgData = join(this.dir, 'pg');
		const { mkdirSync } = await import('node:fs');
		mkdirSync(this.pgData, { recursive: true });
		if (process.getuid?.() === 0) {
			const { uid, gid } = await postgresIds();
			chownSync(this.dir, uid, gid);
			chownSync(this.pgData, uid, gid);
		}
		await asPostgres('initdb', ['-D', this.pgData, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
		await asPostgres('pg_ctl', [
			'-D',
			this.pgData,
			'-l',
			join(this.pgData, 'server.log'),
			'-o',
			`-p ${port} -k ${this.pgData} -c listen_addresses=127.0.0.1 -c fsync=off`,
			'-w',
			'start',
		]);
		await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
		return port;
	}

	async startRedis(): Promise<number> {
		const port = await freePort();
		const child = spawn(
			'redis-server',
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				this.dir,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		this.keep('redis', child);
		for (let k = 0; k < 50; k++) {
			try {
				const { stdout } = await execFileAsync('redis-cli', ['-p', String(port), 'ping']);
				if (stdout.trim() === 'PONG') return port;
			} catch {
				// not up yet
			}
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error(`redis did not start: ${this.logs.redis.join('')}`);
	}

	/** Starts Postgres, Redis, the main process, one webhook processor and `workers` workers. */
	async start({
		tarball,
		workers = 2,
	}: {
		tarball: string;
		workers?: number;
	}): Promise<QueueSetup> {
		const postgresPort = await this.startPostgres();
		const redisPort = await this.startRedis();
		const webhookPort = await freePort();
		const shared = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgresPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			// Production webhooks go to the webhook processor only, as in a scaled-out setup.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// What the nodes tell Wix to call (the Automation mode registers it): the webhook
			// processor, as a load balancer would route it. n8n reads both names.
			WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
		};
		const main = await createN8n({ tarball, extraEnv: shared });
		const { userFolder } = main;
		await main.start();
		const webhook = await this.startWebhookProcessor(main.describe(), webhookPort);
		const started: N8nInstance[] = [];
		for (let k = 0; k < workers; k++) {
			const worker = await createN8n({
				userFolder,
				extraEnv: { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true' },
			});
			worker.env.QUEUE_HEALTH_CHECK_PORT = String(worker.port);
			await this.run(`worker${k}`, worker, ['worker', '--concurrency=5'], `${worker.url}/healthz`);
			started.push(worker);
		}
		this.mainInstance = main;
		return { main, webhook, workers: started, postgresPort, redisPort, dir: this.dir };
	}

	private mainInstance?: N8nInstance;

	/**
	 * One more webhook processor for the queue `main` belongs to: a process that knows only what is
	 * in the database, as after a restart or beside another processor.
	 */
	async startWebhookProcessor(main: N8nDescriptor, port?: number): Promise<N8nInstance> {
		const shared = Object.fromEntries(
			Object.entries(main.env).filter(
				(entry): entry is [string, string] =>
					/^(DB_|QUEUE_|EXECUTIONS_MODE|N8N_DISABLE_PRODUCTION_MAIN_PROCESS|WEBHOOK_URL|N8N_WEBHOOK_URL)/.test(
						entry[0],
					) && entry[1] !== undefined,
			),
		);
		const webhookPort = port ?? (await freePort());
		const webhook = await createN8n({
			userFolder: main.userFolder,
			port: webhookPort,
			extraEnv: shared,
		});
		const name = `webhook${webhookPort}`;
		await this.run(name, webhook, ['webhook'], `http://127.0.0.1:${webhookPort}/healthz`);
		return webhook;
	}

	private async run(name: string, instance: N8nInstance, args: string[], health: string) {
		const child = spawn(instance.paths.nodeBin, [instance.paths.n8nBin, ...args], {
			env: instance.env,
			cwd: instance.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.keep(name, child);
		for (let k = 0; k < 240; k++) {
			if (child.exitCode !== null)
				throw new Error(
					`n8n ${name} exited (${child.exitCode}): ${this.logs[name].join('').slice(-3000)}`,
				);
			try {
				if ((await fetch(health)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n ${name} did not come up: ${this.logs[name].join('').slice(-3000)}`);
	}

	async stop() {
		await this.mainInstance?.stop();
		for (const child of this.children) {
			if (child.exitCode !== null) continue;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
		if (this.pgData)
			await asPostgres('pg_ctl', ['-D', this.pgData, '-m', 'fast', 'stop']).catch(() => undefined);
	}

	/** Removes what `start` put on disk (Postgres' and Redis' folder, the n8n user folder); after `stop`. */
	remove() {
		for (const dir of [this.dir, this.mainInstance?.userFolder])
			if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
	const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
	const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
	return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
