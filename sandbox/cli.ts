/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm run sandbox -- --port 7800 --seed demo` starts the sandbox and prints what to connect with.
import { startSandbox, type SandboxOptions } from './server';

function parseArgs(argv: string[]): SandboxOptions & { json?: boolean } {
	const options: Record<string, string | number | boolean> = {};
	for (let k = 0; k < argv.length; k++) {
		const arg = argv[k];
		if (!arg.startsWith('--')) continue;
		const [name, inline] = arg.slice(2).split('=', 2);
		const value = inline ?? (argv[k + 1] && !argv[k + 1].startsWith('--') ? argv[++k] : 'true');
		const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
		options[key] = ['port', 'rateLimitPerMinute', 'tokenTtlSeconds'].includes(key)
			? Number(value)
			: key === 'json'
				? value === 'true'
				: value;
	}
	return options as SandboxOptions & { json?: boolean };
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox({ seed: 'demo', port: 7800, ...options });
	const c = sandbox.creds;
	if (options.json) {
		process.stdout.write(`${JSON.stringify({ baseUrl: sandbox.url, ...c })}\n`);
	} else {
		process.stdout.write(
			[
				`Wix sandbox listening on ${sandbox.url} (seed: ${options.seed ?? 'demo'}, ${sandbox.site.contacts.size} contacts)`,
				'',
				'Use it as the "API Base URL" of a Wix credential:',
				`  API Base URL : ${sandbox.url}`,
				`  API Key      : ${c.apiKey}`,
				`  Site ID      : ${c.siteId}`,
				`  Account key  : ${c.accountApiKey} (Access "All Sites of an Account")`,
				`  Account ID   : ${c.accountId} (more sites: POST /_sandbox/sites)`,
				`  App ID       : ${c.appId}`,
				`  App Secret   : ${c.appSecret}`,
				`  Instance ID  : ${c.instanceId}`,
				`  Site secret  : ${c.siteSecret} (backend functions under /_functions/)`,
				'  App Public Key (webhook signatures):',
				c.publicKey.trim(),
				'',
				`Admin API: ${sandbox.url}/_sandbox/ (state, requests, counts, faults, webhooks, reset)`,
				'',
			].join('\n'),
		);
	}
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
