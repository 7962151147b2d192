/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm start`: builds the package, starts the local Wix sandbox (demo data) and a real n8n with the
// packed package installed, a "Wix sandbox" credential and the templates imported. Ctrl-C stops all of them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createN8n, OWNER, packPackage, REPO_DIR } from './n8n-instance';
import { startExternalSystems } from '../sandbox/external';
import { startSandbox } from '../sandbox/server';

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
}

/** Builds, starts the sandbox, the stand-in external systems and n8n with credentials and templates. */
export async function startStack(options: StackOptions) {
	const { home } = options;
	mkdirSync(home, { recursive: true });

	if (options.build !== false) {
		process.stdout.write('Building the package...\n');
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
	process.stdout.write(
		`Wix sandbox on ${sandbox.url} with ${sandbox.site.contacts.size} contacts\n`,
	);
	const external = await startExternalSystems(options.externalPort);

	process.stdout.write(
		'Preparing n8n (the first start installs the pinned n8n runtime, a few minutes)...\n',
	);
	const tarball = await packPackage(join(home, 'pack'));
	const n8n = await createN8n({ tarball, userFolder: join(home, 'n8n'), port: options.port });
	const c = sandbox.creds;
	await n8n.importCredentials([
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
	]);
	const templatesDir = join(REPO_DIR, 'templates');
	const templates = existsSync(templatesDir)
		? readdirSync(templatesDir).filter((f) => f.endsWith('.json'))
		: [];
	// Imported as a user would set them up: the Settings node pointed at the local external systems.
	mkdirSync(join(home, 'templates'), { recursive: true });
	for (const file of templates) {
		const template = JSON.parse(readFileSync(join(templatesDir, file), 'utf8'));
		for (const node of template.nodes) {
			if (node.name !== 'Settings') continue;
			for (const a of node.parameters.assignments.assignments)
				if (/Url$/.test(a.name)) a.value = external.url;
		}
		writeFileSync(join(home, 'templates', file), JSON.stringify(template));
		await n8n.cli(['import:workflow', `--input=${join(home, 'templates', file)}`]);
	}
	await n8n.start();
	const stop = async () => {
		await n8n.stop();
		await sandbox.close();
		await external.close();
	};
	return { sandbox, external, n8n, templates, stop };
}

async function main() {
	const started = Date.now();
	const {
		sandbox,
		external,
		n8n,
		templates,
		stop: stopStack,
	} = await startStack({
		home: join(REPO_DIR, '.n8n-start'),
		port: Number(option('port', '5678')),
		sandboxPort: Number(option('sandbox-port', '7800')),
		externalPort: Number(option('external-port', '7900')),
		seed: option('seed', 'demo'),
	});

	process.stdout.write(
		[
			'',
			`n8n is ready in ${Math.round((Date.now() - started) / 1000)} s: ${n8n.url}`,
			`  log in as ${OWNER.email} / ${OWNER.password}`,
			'  credentials "Wix sandbox" (API key) and "Wix sandbox (OAuth2)" point at the local Wix sandbox',
			`  ${templates.length} template workflow(s) imported`,
			`Wix sandbox: ${sandbox.url} (admin API under /_sandbox/)`,
			`External CRM and email service for the templates: ${external.url} (state at /state)`,
			'Press Ctrl-C to stop them all.',
			'',
		].join('\n'),
	);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the sandbox...\n');
		await stopStack();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.process?.on('exit', (code) => {
		if (!stopping) {
			process.stderr.write(`n8n exited (code ${code}):\n${n8n.logs.join('').slice(-3000)}\n`);
			void sandbox.close().then(() => process.exit(1));
		}
	});
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
