/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The release gate (scripts/check-release.ts) and the workflow that runs it on a version tag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkRelease } from '../../scripts/check-release';

const root = join(__dirname, '..', '..');
const changelog = (sections: string) => `# Changelog\n\n## [Unreleased]\n\n${sections}`;

describe('checkRelease', () => {
	it('accepts a tag naming the version with a dated changelog section', () => {
		const result = checkRelease(
			'v1.2.0',
			'1.2.0',
			changelog(
				'## [1.2.0] - 2026-12-01\n\n### Fixed\n\n- A thing\n\n## [1.1.0] - 2026-11-01\n\n- Old\n',
			),
		);
		expect(result).toEqual({ ok: true, problems: [], notes: '### Fixed\n\n- A thing' });
	});

	it('refuses a tag that names another version', () => {
		const result = checkRelease(
			'v1.2.1',
			'1.2.0',
			changelog('## [1.2.0] - 2026-12-01\n\n- A thing\n'),
		);
		expect(result.ok).toBe(false);
		expect(result.problems).toEqual([
			'tag "v1.2.1" does not match package.json version (expected "v1.2.0")',
		]);
	});

	it('refuses a version whose notes are still under Unreleased or empty', () => {
		expect(checkRelease('v1.2.0', '1.2.0', changelog('- A thing\n')).problems).toEqual([
			'CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section: move the Unreleased notes under it',
		]);
		expect(
			checkRelease('v1.2.0', '1.2.0', changelog('## [1.2.0] - 2026-12-01\n\n')).problems,
		).toEqual(['CHANGELOG.md section 1.2.0 lists no changes']);
	});

	it('does not take 1.2.0 for 1x2y0 (dots are literal)', () => {
		expect(checkRelease('v1.2.0', '1.2.0', changelog('## [1x2y0] - 2026-12-01\n\n- A\n')).ok).toBe(
			false,
		);
	});
});

describe('the repository as it is', () => {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const log = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
	const workflow = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');

	it('keeps a Keep a Changelog file with an Unreleased section', () => {
		expect(log).toMatch(/^## \[Unreleased\]$/m);
		expect(log).toContain('keepachangelog.com');
		// Every released version in the changelog is dated and no later than package.json's.
		for (const [, version] of log.matchAll(/^## \[(\d+\.\d+\.\d+)\]/gm)) {
			expect(log).toMatch(
				new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
			);
		}
		expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('releases only from version tags, after .ci/run, with npm provenance', () => {
		expect(workflow).toMatch(/tags:\s*\['v\*\.\*\.\*'\]/);
		expect(workflow).toContain('run: bash .ci/run');
		expect(workflow).toMatch(/needs: test/);
		expect(workflow).toMatch(/id-token: write/);
		expect(workflow).toContain('npm publish --provenance --access public');
		expect(workflow.match(/scripts\/check-release\.ts "\$GITHUB_REF_NAME"/g)).toHaveLength(2);
		// The version is read from package.json, never written in the workflow.
		expect(workflow).not.toContain(pkg.version);
	});
});
