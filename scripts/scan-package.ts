/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Runs n8n's community package scanner (@n8n/scan-community-package, the tool behind n8n's
// verification) on this repository, without the registry: its exported `analyzePackage` with the
// file patterns the scanner itself uses, on both of its legs:
//   - source: package.json + nodes/ and credentials/ (the scanner's SOURCE_FILE_PATTERNS);
//   - tarball: `npm pack` into a temporary folder, unpacked, `**/*.js` + package.json.
// The provenance step (a registry look-up of the published version) is not run here.
// Needs `npm run build` first. Exits 1 when either leg fails, or finds no file to scan. Used by
// `npm run scan` and by test/integration/package.test.ts. `scan-package.ts <dir>` runs the source leg
// on another folder only (the test's check that a violation is caught).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_DIR = resolve(__dirname, '..');

/** The tarball leg's patterns, as in the scanner's analyzePackageByName. */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(dir: string, patterns: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

// The scanner is an ES module; a plain `import()` here would be compiled to `require()`.
const importScanner = new Function('specifier', 'return import(specifier)') as (
	s: string,
) => Promise<Scanner>;

function packInto(dir: string): string {
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
		cwd: REPO_DIR,
		encoding: 'utf8',
	});
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	const unpacked = join(dir, 'package');
	execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
	return unpacked;
}

/** The scanner passes a folder where its patterns match nothing: that is a failure here. */
function nonEmpty(result: ScanResult): ScanResult {
	return result.message === 'No files found to analyze' ? { ...result, passed: false } : result;
}

// NODE_ENV=test (set by Jest) switches eslint-plugin-n8n-nodes-base, which the scanner uses, into its
// own test mode, where its filename rules fail every node: scan as n8n does.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;

const loadScanner = () => importScanner('@n8n/scan-community-package/scanner/scanner.mjs');

export async function scanSource(dir: string): Promise<ScanResult> {
	const scanner = await loadScanner();
	return nonEmpty(await scanner.analyzePackage(dir, scanner.SOURCE_FILE_PATTERNS));
}

export async function scanPackage(): Promise<{ source?: ScanResult; tarball?: ScanResult }> {
	const scanner = await loadScanner();
	const source = await scanSource(REPO_DIR);
	const work = mkdtempSync(join(tmpdir(), 'wix-crm-scan-'));
	try {
		const unpacked = packInto(work);
		if (readdirSync(join(unpacked, 'dist')).length === 0)
			throw new Error('the tarball has an empty dist/');
		const tarball = nonEmpty(await scanner.analyzePackage(unpacked, TARBALL_FILE_PATTERNS));
		return { source, tarball };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (require.main === module) {
	const dir = process.argv[2];
	(dir ? scanSource(resolve(dir)).then((source) => ({ source })) : scanPackage()).then(
		(legs: { source?: ScanResult; tarball?: ScanResult }) => {
			const results = Object.entries(legs) as Array<[string, ScanResult]>;
			for (const [leg, result] of results) {
				console.log(
					`${result.passed ? 'passed' : 'FAILED'}: scanner, ${leg} leg${result.message ? ` (${result.message})` : ''}`,
				);
				if (result.details) console.log(result.details);
			}
			process.exit(results.every(([, result]) => result.passed) ? 0 : 1);
		},
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
