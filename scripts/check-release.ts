/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Run by the release workflow before anything is published: the pushed tag must name the version in
// package.json (the one source of truth) and CHANGELOG.md must have a dated section for it, so a
// release never ships without its notes or under another number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReleaseCheck {
	ok: boolean;
	problems: string[];
	notes: string;
}

export function checkRelease(tag: string, version: string, changelog: string): ReleaseCheck {
	const problems: string[] = [];
	if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
		problems.push(`package.json version "${version}" is not a semantic version`);
	}
	if (tag !== `v${version}`) {
		problems.push(`tag "${tag}" does not match package.json version (expected "v${version}")`);
	}
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const heading = new RegExp(`^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})\\s*$`, 'm');
	const match = heading.exec(changelog);
	let notes = '';
	if (!match) {
		problems.push(
			`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased notes under it`,
		);
	} else {
		const rest = changelog.slice(match.index + match[0].length);
		const next = rest.search(/^## \[/m);
		notes = (next === -1 ? rest : rest.slice(0, next)).trim();
		if (!/^- /m.test(notes)) problems.push(`CHANGELOG.md section ${version} lists no changes`);
	}
	return { ok: problems.length === 0, problems, notes };
}

if (require.main === module) {
	const root = join(__dirname, '..');
	const tag = process.argv[2] ?? process.env.GITHUB_REF_NAME ?? '';
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const result = checkRelease(tag, version, readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
	if (!result.ok) {
		for (const problem of result.problems) process.stderr.write(`release check: ${problem}\n`);
		process.exit(1);
	}
	process.stdout.write(`release check: ${tag} matches package.json and CHANGELOG.md\n`);
}
