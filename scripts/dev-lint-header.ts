/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npx n8n-node lint` (n8n's check for verified community nodes) runs ESLint 9 on the whole
// repository with n8n's community rules, and its strict mode requires the root eslint.config.mjs to
// be n8n's two-line default. Those rules are for shipped code. Sandbox, tests, scripts and benches
// are never shipped and are linted by eslint.dev.config.mjs instead (`npm run lint` runs it with
// --no-inline-config, so this header switches nothing off there); a dev file that breaks a
// community rule (node:fs, process, console...) carries the header below so n8n's run passes it.
// ESLint 10 would pick per-folder configs by itself, but n8n-node pins ESLint 9 and the community
// rules forbid the npm overrides that would lift that pin.
// `npx tsx scripts/dev-lint-header.ts` adds the header where it is needed and removes it elsewhere
// (an unneeded one is an "unused eslint-disable" warning in n8n's run).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { ESLint } from 'eslint';

export const DEV_FOLDERS = ['sandbox', 'test', 'scripts', 'bench'];
export const DEV_LINT_HEADER =
	'/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */\n';

const root = join(__dirname, '..');

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
		return name.endsWith('.ts') ? [path] : [];
	});
}

async function main() {
	// The root config, exactly as `npx n8n-node lint` uses it.
	const eslint = new ESLint({ cwd: root });
	let added = 0;
	let removed = 0;
	for (const path of DEV_FOLDERS.flatMap((folder) => tsFiles(join(root, folder)))) {
		const text = readFileSync(path, 'utf8');
		const body = text.startsWith(DEV_LINT_HEADER) ? text.slice(DEV_LINT_HEADER.length) : text;
		const [result] = await eslint.lintText(body, { filePath: path });
		const wanted = result.messages.length > 0 ? DEV_LINT_HEADER + body : body;
		if (wanted === text) continue;
		writeFileSync(path, wanted);
		if (wanted.length > text.length) added++;
		else removed++;
		process.stdout.write(`${wanted.length > text.length ? '+' : '-'} ${relative(root, path)}\n`);
	}
	process.stdout.write(`dev-lint header: ${added} added, ${removed} removed\n`);
}

void main();
