/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm start` stopped the ways users and process managers stop it: SIGTERM (kill, timeout, systemd),
// SIGINT (what a terminal's Ctrl-C sends) and SIGHUP (the terminal closed), each sent to the PID of
// `npm start` alone. Every one must stop n8n with its task runners, the sandbox and the stand-in
// server, free their ports and end npm, within 20 s. Runs the real stack (`npm start -- --no-build`
// on free ports with a scratch data folder), so it lives with the browser test, under the lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, OWNER, REPO_DIR, runtimePaths } from '../../scripts/n8n-instance';

jest.setTimeout(420_000);

interface Started {
	npm: ChildProcess;
	output: () => string;
	exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	home: string;
	ports: { n8n: number; sandbox: number; external: number };
}

/** The PIDs below `pid` (children, theirs, ...), read from /proc. */
function descendants(pid: number): number[] {
	const parentOf = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The command name is in parentheses and may hold spaces; the parent PID follows it.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parentOf.set(Number(entry), ppid);
		} catch {
			// gone meanwhile
		}
	}
	const found: number[] = [];
	for (let queue = [pid]; queue.length; ) {
		const parent = queue.shift()!;
		for (const [child, ppid] of parentOf)
			if (ppid === parent && !found.includes(child)) {
				found.push(child);
				queue.push(child);
			}
	}
	return found;
}

function alive(pid: number): boolean {
	try {
		// A zombie is dead for this purpose: it holds no ports and runs nothing.
		return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

async function listening(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

let current: Started | undefined;
let leftovers: number[] = [];

async function startNpmStart(): Promise<Started> {
	const home = mkdtempSync(join(tmpdir(), 'wix-start-signals-'));
	const ports = { n8n: await freePort(), sandbox: await freePort(), external: await freePort() };
	let output = '';
	const npm = spawn(
		'npm',
		[
			'start',
			'--',
			'--no-build',
			'--home',
			home,
			'--port',
			String(ports.n8n),
			'--sandbox-port',
			String(ports.sandbox),
			'--external-port',
			String(ports.external),
		],
		// Its own process group, as in a terminal: what the test sends reaches npm alone.
		{ cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
	);
	npm.stdout!.on('data', (chunk) => (output += chunk));
	npm.stderr!.on('data', (chunk) => (output += chunk));
	const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		npm.once('exit', (code, signal) => resolve({ code, signal })),
	);
	current = { npm, output: () => output, exit, home, ports };
	const deadline = Date.now() + 300_000;
	while (!output.includes('Press Ctrl-C')) {
		if (npm.exitCode !== null || Date.now() > deadline)
			throw new Error(`npm start did not get ready:\n${output.slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	process.stderr.write(`[browser] npm start ready (PID ${npm.pid})\n`);
	return current;
}

/** Sends `signal` to npm's PID and waits up to 20 s for npm, everything below it and the ports to be gone. */
async function stopWith(started: Started, signal: NodeJS.Signals) {
	const below = descendants(started.npm.pid!);
	leftovers = below;
	const sent = Date.now();
	process.kill(started.npm.pid!, signal);
	const deadline = sent + 20_000;
	let state: { running: number[]; listening: number[]; npm: boolean };
	for (;;) {
		const ports = Object.values(started.ports);
		const open = await Promise.all(ports.map(listening));
		state = {
			running: below.filter(alive),
			listening: ports.filter((_, k) => open[k]),
			npm: started.npm.exitCode === null && started.npm.signalCode === null,
		};
		if ((!state.running.length && !state.listening.length && !state.npm) || Date.now() > deadline)
			break;
		await new Promise((r) => setTimeout(r, 250));
	}
	process.stderr.write(
		`[browser] ${signal}: ${below.length} processes below npm, all gone in ${Date.now() - sent} ms\n`,
	);
	return { below, state, exit: state.npm ? undefined : await started.exit };
}

afterEach(async () => {
	// A failed test leaves nothing running and no folder behind.
	for (const pid of leftovers)
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// gone
		}
	leftovers = [];
	if (current) {
		try {
			process.kill(-current.npm.pid!, 'SIGKILL');
		} catch {
			// gone
		}
		rmSync(current.home, { recursive: true, force: true });
		current = undefined;
	}
});

test('the banner shows the sandbox API key and site ID, names the three credentials, and Settings → Community Nodes lists the package; SIGTERM to npm stops everything', async () => {
	const started = await startNpmStart();
	const output = started.output();
	const identity = JSON.parse(readFileSync(join(started.home, 'sandbox-identity.json'), 'utf8'));
	expect(output).toContain(`API key: ${identity.apiKey}`);
	expect(output).toContain(`Site ID: ${identity.siteId}`);
	expect(output).toContain('sandbox-identity.json');
	for (const name of ['"Wix sandbox"', '"Wix sandbox (OAuth2)"', '"Wix sandbox site backend"'])
		expect(output).toContain(name);
	expect(output).toContain('3 credentials imported');
	// The runtime is cached by now, so no "first start installs" promise.
	expect(existsSync(runtimePaths().marker)).toBe(true);
	expect(output).not.toContain('first start');

	const login = await fetch(`http://127.0.0.1:${started.ports.n8n}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	expect(login.status).toBe(200);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const packages: any = await (
		await fetch(`http://127.0.0.1:${started.ports.n8n}/rest/community-packages`, {
			headers: { Cookie: cookie },
		})
	).json();
	expect(packages.data).toHaveLength(1);
	expect(packages.data[0]).toMatchObject({
		packageName: 'n8n-nodes-wix-crm',
		failedLoading: false,
	});
	expect(packages.data[0].installedNodes).toHaveLength(6);

	const { below, state, exit } = await stopWith(started, 'SIGTERM');
	// npm, the script and n8n with its task runner at least.
	expect(below.length).toBeGreaterThanOrEqual(3);
	expect(state).toEqual({ running: [], listening: [], npm: false });
	expect(exit).toEqual({ code: 0, signal: null });
});

test('SIGINT to npm (Ctrl-C sent to its PID alone) stops everything', async () => {
	const started = await startNpmStart();
	const { state, exit } = await stopWith(started, 'SIGINT');
	expect(state).toEqual({ running: [], listening: [], npm: false });
	expect(exit).toEqual({ code: 0, signal: null });
});

test('SIGHUP to npm (its terminal closed) stops everything', async () => {
	const started = await startNpmStart();
	const { state } = await stopWith(started, 'SIGHUP');
	// npm itself dies of SIGHUP (it passes on only SIGINT and SIGTERM); the script notices.
	expect(state).toEqual({ running: [], listening: [], npm: false });
});
