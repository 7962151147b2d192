/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm start`: builds the package, starts the local Wix sandbox (demo data) and a real n8n with the
// packed package installed (and listed under Settings → Community Nodes), the sandbox credentials and
// the templates imported. Any stop signal (Ctrl-C, SIGTERM from kill, timeout, systemd or a process
// manager, SIGHUP when the terminal closes) or the end of the npm process that started it stops all
// of them and frees their ports. package.json runs this file with `exec node --import tsx`: the
// shell npm runs scripts in does not pass signals on to its child, and tsx's own signal relay may
// SIGKILL the script before it has stopped n8n.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { createN8n, OWNER, packPackage, REPO_DIR, runtimePaths } from './n8n-instance';
import { startExternalSystems } from '../sandbox/external';
import { startSandbox, type SandboxCredentials } from '../sandbox/server';

function option(name: string, fallback: string): string {
	const args = process.argv.slice(2);
	const k = args.indexOf(`--${name}`);
	if (k >= 0 && args[k + 1]) return args[k + 1];
	const inline = args.find((a) => a.startsWith(`--${name}=`));
	return inline ? inline.split('=')[1] : fallback;
}

export interface StackOptions {
	home: string;
	port: number;
	sandboxPort: number;
	externalPort: number;
	seed: string;
	/** Build before packing (default true); the test command has built already. */
	build?: boolean;
	/**
	 * Each part's stop is pushed here as soon as the part runs, so a stop during start-up stops what
	 * has started (`stopAll` runs them, newest first).
	 */
	stops?: Array<() => Promise<void>>;
	/** Aborting it ends an n8n CLI import in progress. */
	signal?: AbortSignal;
	/** A line for each long step, as it starts. */
	progress?: (line: string) => void;
}

/** Runs the stops newest first, each once, also when one of them fails. */
export async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
	for (let stop = stops.pop(); stop; stop = stops.pop()) await stop().catch(() => undefined);
}

/** The credentials `npm start` imports, all pointing at the local sandbox. */
export function sandboxCredentials(sandbox: { url: string; creds: SandboxCredentials }) {
	const c = sandbox.creds;
	return [
		{
			id: 'wixSandboxApiKey',
			name: 'Wix sandbox',
			type: 'wixApiKeyApi',
			data: { apiKey: c.apiKey, siteId: c.siteId, baseUrl: sandbox.url, requestsPerMinute: 200 },
		},
		{
			id: 'wixSandboxOAuth2',
			name: 'Wix sandbox (OAuth2)',
			type: 'wixOAuth2Api',
			data: {
				accessToken: '',
				appId: c.appId,
				appSecret: c.appSecret,
				instanceId: c.instanceId,
				publicKey: c.publicKey,
				baseUrl: sandbox.url,
				requestsPerMinute: 200,
			},
		},
		{
			id: 'wixSandboxSiteFns',
			name: 'Wix sandbox site backend',
			type: 'wixSiteBackendApi',
			data: { siteUrl: sandbox.url, secret: c.siteSecret },
		},
	];
}

const CREDENTIAL_KINDS: Record<string, string> = {
	wixApiKeyApi: 'API key',
	wixOAuth2Api: 'OAuth2 app, for the Wix Trigger',
	wixSiteBackendApi: 'Velo backend functions',
};

/** Builds, starts the sandbox, the stand-in external systems and n8n with credentials and templates. */
export async function startStack(options: StackOptions) {
	const { home } = options;
	const stops = options.stops ?? [];
	const progress = options.progress ?? (() => undefined);
	mkdirSync(home, { recursive: true });

	if (options.build !== false) {
		progress('Building the package...');
		execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_DIR, stdio: 'inherit' });
	}

	// The same sandbox identity on every start, so the imported credential keeps working.
	const identityFile = join(home, 'sandbox-identity.json');
	const { generateKeyPairSync, randomUUID, randomBytes } = await import('node:crypto');
	if (!existsSync(identityFile)) {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		writeFileSync(
			identityFile,
			JSON.stringify({
				apiKey: `IST.${randomBytes(24).toString('base64url')}`,
				siteId: randomUUID(),
				accountId: randomUUID(),
				appId: randomUUID(),
				appSecret: randomBytes(16).toString('hex'),
				instanceId: randomUUID(),
				privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			}),
		);
	}
	const identity = JSON.parse(readFileSync(identityFile, 'utf8'));
	const sandbox = await startSandbox({
		...identity,
		seed: options.seed,
		port: options.sandboxPort,
	});
	stops.push(() => sandbox.close());
	progress(`Wix sandbox on ${sandbox.url} with ${sandbox.site.contacts.size} contacts`);
	const external = await startExternalSystems(options.externalPort);
	stops.push(() => external.close());
	if (options.seed === 'demo') external.seedDemo();

	progress(
		existsSync(runtimePaths().marker)
			? 'Preparing n8n...'
			: 'Preparing n8n (this first start installs the pinned n8n runtime, a few minutes)...',
	);
	const tarball = await packPackage(join(home, 'pack'));
	const n8n = await createN8n({ tarball, userFolder: join(home, 'n8n'), port: options.port });
	n8n.abortSignal = options.signal;
	// Registered before n8n runs, so a stop while it gets ready ends it too.
	stops.push(() => n8n.stop({ killAfterMs: 10_000 }));
	const credentials = sandboxCredentials(sandbox);
	const templatesDir = join(REPO_DIR, 'templates');
	const templates = existsSync(templatesDir)
		? readdirSync(templatesDir).filter((f) => f.endsWith('.json'))
		: [];
	progress(
		`Importing ${credentials.length} credentials and ${templates.length} templates into n8n...`,
	);
	await n8n.importCredentials(credentials);
	// Imported as a user would set them up: the Settings node pointed at the local external systems.
	// One folder, one import: each n8n CLI run takes seconds to boot.
	const imports = join(home, 'templates');
	mkdirSync(imports, { recursive: true });
	for (const file of readdirSync(imports)) rmSync(join(imports, file), { force: true });
	for (const file of templates) {
		const template = JSON.parse(readFileSync(join(templatesDir, file), 'utf8'));
		for (const node of template.nodes) {
			if (node.name !== 'Settings') continue;
			for (const a of node.parameters.assignments.assignments)
				if (/Url$/.test(a.name)) a.value = external.url;
		}
		writeFileSync(join(imports, file), JSON.stringify(template));
	}
	if (templates.length) await n8n.cli(['import:workflow', '--separate', `--input=${imports}`]);
	await n8n.registerCommunityPackage();
	progress('Starting n8n...');
	await n8n.start({ ownProcessGroup: true });
	const stop = () => stopAll(stops);
	return { sandbox, external, n8n, templates, credentials, identityFile, stop };
}

async function main() {
	const started = Date.now();
	const home = option('home', join(REPO_DIR, '.n8n-start'));
	const say = (line: string) => process.stdout.write(`${line}\n`);
	const stops: Array<() => Promise<void>> = [];
	const abort = new AbortController();
	let stopping = false;
	const stop = async (why: string, code = 0) => {
		// A terminal's Ctrl-C reaches npm and this script at once, and npm passes it on: one stop.
		if (stopping) return;
		stopping = true;
		say(`\nStopping n8n, the sandbox and the stand-in server (${why})...`);
		abort.abort();
		await stopAll(stops);
		say('Stopped.');
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stop(signal));
	// npm passes on SIGINT and SIGTERM only; when it ends otherwise (SIGHUP, SIGKILL) this script is
	// handed to another parent, and nothing it started should outlive npm.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) void stop(`its parent process ${parent} ended`);
	}, 500).unref();

	let stack: Awaited<ReturnType<typeof startStack>>;
	try {
		stack = await startStack({
			home,
			port: Number(option('port', '5678')),
			sandboxPort: Number(option('sandbox-port', '7800')),
			externalPort: Number(option('external-port', '7900')),
			seed: option('seed', 'demo'),
			build: !process.argv.includes('--no-build'),
			stops,
			signal: abort.signal,
			progress: say,
		});
	} catch (error) {
		// Stopped while starting: the stop exits once everything is down.
		if (stopping) return;
		await stopAll(stops);
		throw error;
	}
	if (stopping) return;
	const { sandbox, external, n8n, templates, credentials, identityFile } = stack;
	const c = sandbox.creds;
	say(
		[
			'',
			`n8n is ready in ${Math.round((Date.now() - started) / 1000)} s: ${n8n.url}`,
			`  log in as ${OWNER.email} / ${OWNER.password}`,
			`  ${credentials.length} credentials imported, all pointing at the local Wix sandbox:`,
			...credentials.map(
				(cred) => `    "${cred.name}" (${CREDENTIAL_KINDS[cred.type] ?? cred.type})`,
			),
			`  ${templates.length} template workflows imported`,
			'  Settings → Community Nodes lists n8n-nodes-wix-crm',
			`Wix sandbox: ${sandbox.url} (admin API under /_sandbox/)`,
			`  API key: ${c.apiKey}`,
			`  Site ID: ${c.siteId}`,
			`  (kept with the app ID, secret and keys in ${relative(process.cwd(), identityFile) || identityFile}, the same on every start)`,
			`External CRM and email service for the templates: ${external.url} (state at /state)`,
			'Press Ctrl-C (or send SIGTERM) to stop them all.',
			'',
		].join('\n'),
	);

	n8n.process?.on('exit', (code) => {
		if (stopping) return;
		process.stderr.write(`n8n exited (code ${code}):\n${n8n.logs.join('').slice(-3000)}\n`);
		void stop('n8n exited', 1);
	});
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
