/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Items side by side (shared/router.ts): at most the limit at once, items about one thing in order,
// every item its own result or error.
import { runConcurrently } from '../../nodes/Wix/shared/router';

const tick = () => new Promise((r) => setTimeout(r, 1));

it('runs at most the limit at once, items with one key in input order, each with its result or error', async () => {
	let running = 0;
	let most = 0;
	const order: number[] = [];
	const keys = ['a', 'b', 'a', 'c', 'a', 'd', 'e', 'f'];
	const results = await runConcurrently(
		keys.length,
		3,
		(i) => keys[i],
		async (i) => {
			running++;
			most = Math.max(most, running);
			await tick();
			if (keys[i] === 'a') order.push(i);
			running--;
			if (i === 3) throw new Error('item 3 failed');
			return i * 10;
		},
	);
	expect(most).toBeLessThanOrEqual(3);
	expect(most).toBeGreaterThan(1);
	expect(order).toEqual([0, 2, 4]);
	expect(results.map((r) => (r instanceof Error ? r.message : r))).toEqual([
		0,
		10,
		20,
		'item 3 failed',
		40,
		50,
		60,
		70,
	]);
});

it('with stopAfterError starts nothing after the first failed item, and lets the ones under way finish', async () => {
	const started: number[] = [];
	const results = await runConcurrently(
		12,
		3,
		(i) => String(i),
		async (i) => {
			started.push(i);
			await tick();
			if (i === 4) throw new Error('item 4 failed');
			return i;
		},
		{ stopAfterError: true },
	);
	expect(results[4]).toBeInstanceOf(Error);
	expect(results.slice(0, 4)).toEqual([0, 1, 2, 3]);
	// Items 5 and 6 may have started beside item 4; none later.
	expect(Math.max(...started)).toBeLessThanOrEqual(6);
	for (let i = Math.max(...started) + 1; i < 12; i++) expect(results[i]).toBeUndefined();
});
