/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The lock around a first runtime install: a second process waits for the holder, and a lock left
// by a process that is gone is taken over instead of blocking every later run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { withInstallLock } from '../../scripts/n8n-runtime';

let base: string;
let stderr: jest.SpyInstance;

beforeEach(() => {
	base = mkdtempSync(join(tmpdir(), 'wix-lock-'));
	stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
	stderr.mockRestore();
	rmSync(base, { recursive: true, force: true });
});

const holdLock = (lock: string, pid: number) => {
	mkdirSync(lock);
	writeFileSync(join(lock, 'owner'), JSON.stringify({ pid, host: hostname() }));
};

test('the body runs holding the lock, which is gone afterwards, also when the body throws', () => {
	const dir = join(base, 'runtime');
	expect(withInstallLock(dir, () => existsSync(`${dir}.lock`))).toBe(true);
	expect(existsSync(`${dir}.lock`)).toBe(false);
	expect(() =>
		withInstallLock(dir, () => {
			throw new Error('install failed');
		}),
	).toThrow('install failed');
	expect(existsSync(`${dir}.lock`)).toBe(false);
});

test('a lock whose process is gone is taken over', () => {
	const dir = join(base, 'runtime');
	// A PID above the kernel's maximum cannot belong to a running process.
	holdLock(`${dir}.lock`, 2 ** 22 + 1);
	expect(withInstallLock(dir, () => 'ran')).toBe('ran');
	expect(String(stderr.mock.calls.flat().join(''))).toMatch(/taking over the stale lock/);
});

test('a lock held by a running process is waited for, saying whom it waits for', async () => {
	const dir = join(base, 'runtime');
	const lock = `${dir}.lock`;
	// The holder lets go after 1.5 s, as an install finishing in another process would.
	const holder = spawn(process.execPath, [
		'-e',
		`setTimeout(() => require('fs').rmSync(${JSON.stringify(lock)}, { recursive: true }), 1500)`,
	]);
	holdLock(lock, holder.pid!);
	const exited = new Promise((r) => holder.once('exit', r));
	const started = Date.now();
	const ranAfter = withInstallLock(dir, () => Date.now() - started);
	expect(ranAfter).toBeGreaterThanOrEqual(1000);
	expect(String(stderr.mock.calls.flat().join(''))).toContain(`waiting for process ${holder.pid}`);
	await exited;
});
