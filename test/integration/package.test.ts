/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What n8n's verification looks at: its community package scanner on the source and on the packed
// tarball (scripts/scan-package.ts), and the tarball's file list (only what n8n loads). Needs
// `npm run build` first, as `npm test` does.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_DIR = resolve(__dirname, '../..');
const TSX = join(REPO_DIR, 'node_modules/.bin/tsx');
const packageJson = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8'));

/** Runs scripts/scan-package.ts with its own temporary folder (the scanner makes one on import), removed after. */
function runScan(...args: string[]) {
	const tmp = mkdtempSync(join(tmpdir(), 'wix-crm-scan-test-'));
	try {
		return spawnSync(TSX, [join(REPO_DIR, 'scripts/scan-package.ts'), ...args], {
			cwd: REPO_DIR,
			encoding: 'utf8',
			env: { ...process.env, TMPDIR: tmp },
		});
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

beforeAll(() => {
	if (!existsSync(join(REPO_DIR, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first');
});

describe('n8n community package scanner', () => {
	it('passes on the source (package.json, nodes/, credentials/) and on the packed tarball (**/*.js, package.json)', () => {
		const run = runScan();
		expect(run.stderr).toBe('');
		expect(run.stdout).toContain('passed: scanner, source leg');
		expect(run.stdout).toContain('passed: scanner, tarball leg');
		expect(run.status).toBe(0);
	});

	it('fails on a node that breaks a community rule (the check is not vacuous)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'wix-crm-scan-fixture-'));
		try {
			writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
			mkdirSync(join(dir, 'nodes/Bad'), { recursive: true });
			writeFileSync(
				join(dir, 'nodes/Bad/helper.ts'),
				'export const later = (f: () => void) => setTimeout(f, 10);\n',
			);
			const run = runScan(dir);
			expect(run.stdout).toContain('FAILED: scanner, source leg');
			expect(run.stdout).toContain('no-restricted-globals');
			expect(run.status).toBe(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('packed file list', () => {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: REPO_DIR,
			encoding: 'utf8',
		}),
	) as Array<{ files: Array<{ path: string }> }>;
	const files = packed.files.map((f) => f.path).sort();

	it('ships no source maps and no declaration files', () => {
		expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.d.ts'))).toEqual([]);
	});

	it('ships only dist/ and the package files npm always adds', () => {
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual([
			'LICENSE',
			'README.md',
			'index.js',
			'package.json',
		]);
		expect(files.filter((f) => !/\.(js|json|svg|png)$/.test(f) && f.startsWith('dist/'))).toEqual(
			[],
		);
	});

	it('ships every node and credential package.json registers, with their icons', () => {
		for (const entry of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
			expect(files).toContain(entry);
		for (const node of packageJson.n8n.nodes as string[]) {
			const dir = node.slice(0, node.lastIndexOf('/') + 1);
			expect(files.filter((f) => f.startsWith(dir) && f.endsWith('.svg'))).not.toEqual([]);
		}
	});
});
