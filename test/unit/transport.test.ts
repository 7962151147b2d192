/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
import { NodeApiError } from 'n8n-workflow';

import {
	backoffDelay,
	isRetryable,
	MAX_ATTEMPTS,
	maxAttempts,
	parseRetryAfter,
} from '../../nodes/Wix/transport/backoff';
import * as contactsApi from '../../nodes/Wix/api/contacts';
import { summarizeWixError } from '../../nodes/Wix/transport/errors';
import { itemsAtOnce, readHttpFailure } from '../../nodes/Wix/transport';
import { delayBeforeNext, RequestPacer, WINDOW_MS } from '../../nodes/Wix/transport/pacer';
import { collectPages, type PageRequest } from '../../nodes/Wix/transport/paging';

describe('error mapping', () => {
	it('names the field and the code of a validation error', () => {
		const s = summarizeWixError({
			status: 400,
			requestId: 'req-1',
			body: {
				message: 'INVALID_ARGUMENT',
				details: {
					validationError: {
						fieldViolations: [
							{ field: 'info.emails.items[0].email', description: 'must be a valid email' },
						],
					},
				},
			},
		});
		expect(s.message).toBe(
			'field "info.emails.items[0].email" must be a valid email [INVALID_ARGUMENT]',
		);
		expect(s.code).toBe('INVALID_ARGUMENT');
		expect(s.httpCode).toBe('400');
		expect(s.description).toContain('Correct the field');
		expect(s.description).toContain('req-1');
	});

	const duplicate = {
		status: 409,
		body: {
			message: 'Duplicate contact exists',
			details: {
				applicationError: {
					code: 'DUPLICATE_CONTACT_EXISTS',
					description: 'Duplicate contact already exists',
					data: { duplicateContactId: 'abc', duplicateEmail: 'a@b.co' },
				},
			},
		},
	};

	it('uses the application error description, code and data, with the API module’s words for them', () => {
		const s = summarizeWixError(duplicate, contactsApi.errors);
		expect(s.message).toBe(
			'Duplicate contact already exists (existing contact ID: abc, email: a@b.co) [DUPLICATE_CONTACT_EXISTS]',
		);
		expect(s.data).toEqual({ duplicateContactId: 'abc', duplicateEmail: 'a@b.co' });
		expect(s.description).toMatch(/Create or Update/);
	});

	it('knows no API by itself: without an API module the hint is the generic one for the status', () => {
		const s = summarizeWixError(duplicate);
		expect(s.message).toBe('Duplicate contact already exists [DUPLICATE_CONTACT_EXISTS]');
		expect(s.data).toEqual({ duplicateContactId: 'abc', duplicateEmail: 'a@b.co' });
		expect(s.description).not.toMatch(/contact/i);
	});

	it.each([
		[401, 'UNAUTHENTICATED', /credential/],
		[403, 'PERMISSION_DENIED', /permission/],
		[404, 'NOT_FOUND', /ID/],
		[428, 'FAILED_PRECONDITION', /state/],
		[429, 'RESOURCE_EXHAUSTED', /200 per minute/],
		[503, 'UNAVAILABLE', /server-side/],
	])('gives a hint for HTTP %s without details', (status, code, hint) => {
		const s = summarizeWixError({ status, body: { message: '', details: {} }, attempts: 5 });
		expect(s.code).toBe(code);
		expect(s.description).toMatch(hint);
		expect(s.description).toContain('tried 5 times');
	});

	it('parses a JSON string body and falls back to text', () => {
		expect(
			summarizeWixError({
				status: 404,
				body: '{"details":{"applicationError":{"code":"X","description":"gone"}}}',
			}).message,
		).toBe('gone [X]');
		expect(summarizeWixError({ status: 502, body: 'Bad gateway' }).message).toBe(
			'Bad gateway [HTTP_502]',
		);
	});

	it('describes network failures', () => {
		const s = summarizeWixError({
			networkCode: 'ECONNRESET',
			networkMessage: 'socket hang up',
			attempts: 5,
		});
		expect(s.message).toBe('Could not reach Wix: socket hang up [ECONNRESET]');
		expect(s.httpCode).toBeUndefined();
	});
});

describe('reading what n8n threw', () => {
	const node = {
		id: '1',
		name: 'Wix',
		type: 'x',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};

	it('reads status, body, request id and Retry-After from a NodeApiError around an axios error', () => {
		const axiosError = Object.assign(new Error('Request failed with status code 429'), {
			isAxiosError: true,
			response: {
				status: 429,
				headers: { 'x-wix-request-id': 'r9', 'retry-after': '2' },
				data: { message: 'slow down' },
			},
		});
		const failure = readHttpFailure(new NodeApiError(node, axiosError as never));
		expect(failure).toMatchObject({
			status: 429,
			requestId: 'r9',
			retryAfterMs: 2000,
			body: { message: 'slow down' },
		});
	});

	it('reads the network code of a dropped connection', () => {
		const axiosError = Object.assign(new Error('socket hang up'), {
			code: 'ECONNRESET',
			isAxiosError: true,
		});
		const failure = readHttpFailure(new NodeApiError(node, axiosError as never));
		expect(failure.status).toBeUndefined();
		expect(failure.networkCode).toBe('ECONNRESET');
	});
});

describe('backoff', () => {
	it('retries only 429, 5xx and dropped connections', () => {
		expect(isRetryable(429, undefined)).toBe(true);
		expect(isRetryable(500, undefined)).toBe(true);
		expect(isRetryable(503, undefined)).toBe(true);
		for (const status of [400, 401, 403, 404, 409, 428])
			expect(isRetryable(status, undefined)).toBe(false);
		expect(isRetryable(undefined, 'ECONNRESET')).toBe(true);
		expect(isRetryable(undefined, 'ETIMEDOUT')).toBe(true);
		expect(isRetryable(undefined, 'ENOTFOUND')).toBe(false);
		expect(isRetryable(undefined, undefined)).toBe(false);
	});

	it('grows exponentially with jitter between half and all of the step, capped', () => {
		expect(backoffDelay(0, undefined, () => 0)).toBe(250);
		expect(backoffDelay(0, undefined, () => 1)).toBe(500);
		expect(backoffDelay(3, undefined, () => 1)).toBe(4000);
		expect(backoffDelay(20, undefined, () => 1)).toBe(30000);
		expect(MAX_ATTEMPTS).toBeGreaterThan(2);
	});

	it('waits long enough for a throttled minute to pass before giving up', () => {
		expect(maxAttempts(500)).toBe(5);
		expect(maxAttempts(429)).toBe(9);
		const worstCase = Array.from({ length: maxAttempts(429) - 1 }, (_, k) =>
			backoffDelay(k, undefined, () => 0, 429),
		).reduce((a, b) => a + b, 0);
		expect(worstCase).toBeGreaterThanOrEqual(60_000);
		expect(backoffDelay(0, undefined, () => 1, 429)).toBe(1000);
	});

	it('honours Retry-After in seconds or as a date, capped at a minute', () => {
		expect(backoffDelay(4, 1500)).toBe(1500);
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('600')).toBe(60000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});

describe('pacer', () => {
	it('keeps a second of margin over Wix’s minute, so latency jitter cannot meet a 429', () => {
		expect(WINDOW_MS).toBe(61_000);
	});

	it('lets the first N requests of a minute go and delays the next until the oldest leaves the window', () => {
		const now = 1_000_000;
		const times = Array.from({ length: 200 }, (_, k) => now - 30_000 + k);
		expect(delayBeforeNext(times.slice(0, 199), 200, now)).toBe(0);
		expect(delayBeforeNext(times, 200, now)).toBe(31_000);
		expect(delayBeforeNext(times, 0, now)).toBe(0);
	});

	it('spaces reservations per site and never lets more than N start within any minute', () => {
		const pacer = new RequestPacer();
		const starts: number[] = [];
		for (let k = 0; k < 25; k++) starts.push(1000 + pacer.reserve('site-a', 10, 1000));
		expect(pacer.reserve('site-b', 10, 1000)).toBe(0);
		for (let k = 0; k < starts.length; k++) {
			const inWindow = starts.filter((t) => t >= starts[k] && t < starts[k] + WINDOW_MS).length;
			expect(inWindow).toBeLessThanOrEqual(10);
		}
		expect(starts[10]).toBeGreaterThanOrEqual(62_000);
		expect(starts[20]).toBeGreaterThanOrEqual(123_000);
	});
});

describe('paging', () => {
	function offsetServer(total: number, metaKey = 'pagingMetadata') {
		const calls: PageRequest[] = [];
		const fetchPage = async (page: PageRequest) => {
			calls.push(page);
			const items = Array.from(
				{ length: Math.max(0, Math.min(page.limit, total - page.offset)) },
				(_, k) => ({ n: page.offset + k }),
			);
			return { items, [metaKey]: { count: items.length, offset: page.offset, total } };
		};
		return { calls, fetchPage };
	}

	it('pages the offset model at the page size until the total is reached', async () => {
		const { calls, fetchPage } = offsetServer(2500);
		const items = await collectPages<{ n: number }>(
			{ model: 'offset', itemsKey: 'items', pageSize: 1000 },
			fetchPage,
		);
		expect(items).toHaveLength(2500);
		expect(items[2499].n).toBe(2499);
		expect(calls.map((c) => [c.limit, c.offset])).toEqual([
			[1000, 0],
			[1000, 1000],
			[1000, 2000],
		]);
	});

	it('at an exact multiple of the page size, ends on the empty page that follows', async () => {
		const { calls, fetchPage } = offsetServer(2000, 'metadata');
		const items = await collectPages(
			{ model: 'offset', itemsKey: 'items', pageSize: 1000 },
			fetchPage,
		);
		expect(items).toHaveLength(2000);
		expect(calls.map((c) => c.offset)).toEqual([0, 1000, 2000]);
	});

	it('never stops on a reported total alone: a server that reports the page size as the total', async () => {
		const calls: PageRequest[] = [];
		const items = await collectPages<{ n: number }>(
			{ model: 'offset', itemsKey: 'items', pageSize: 1000 },
			async (page) => {
				calls.push(page);
				const items = Array.from(
					{ length: Math.max(0, Math.min(page.limit, 20_000 - page.offset)) },
					(_, k) => ({ n: page.offset + k }),
				);
				return { items, pagingMetadata: { count: items.length, offset: page.offset, total: 1000 } };
			},
		);
		expect(items).toHaveLength(20_000);
		expect(calls).toHaveLength(21);
	});

	it('asks only for what the limit still needs', async () => {
		const { calls, fetchPage } = offsetServer(5000);
		const items = await collectPages(
			{ model: 'offset', itemsKey: 'items', pageSize: 1000, limit: 1200 },
			fetchPage,
		);
		expect(items).toHaveLength(1200);
		expect(calls.map((c) => c.limit)).toEqual([1000, 200]);
	});

	it('follows cursors until there is no next one', async () => {
		const pages = [
			{ items: [1, 2], pagingMetadata: { cursors: { next: 'c2' }, hasNext: true } },
			{ items: [3, 4], pagingMetadata: { cursors: { next: 'c3' }, hasNext: true } },
			{ items: [5], pagingMetadata: { cursors: { next: null }, hasNext: false } },
		];
		const cursors: Array<string | undefined> = [];
		const items = await collectPages(
			{ model: 'cursor', itemsKey: 'items', pageSize: 2 },
			async (page) => {
				cursors.push(page.cursor);
				return pages[cursors.length - 1];
			},
		);
		expect(items).toEqual([1, 2, 3, 4, 5]);
		expect(cursors).toEqual([undefined, 'c2', 'c3']);
	});

	it('reads the legacy pagination block', async () => {
		const calls: PageRequest[] = [];
		const items = await collectPages(
			{ model: 'legacy', itemsKey: 'cards', pageSize: 2 },
			async (page) => {
				calls.push(page);
				const all = ['a', 'b', 'c'];
				const cards = all.slice(page.offset, page.offset + page.limit);
				return {
					cards,
					pagination: { offset: page.offset, limit: page.limit, total: 3, count: cards.length },
				};
			},
		);
		expect(items).toEqual(['a', 'b', 'c']);
		expect(calls).toHaveLength(2);
	});
});

describe('cursor pages send only the cursor', () => {
	it('keeps filter and sort on the first page and sends the bare cursor after it', async () => {
		const { wixApiRequestAllItems } = await import('../../nodes/Wix/transport');
		const sent: any[] = [];
		const pages = [
			{ items: [1, 2], pagingMetadata: { cursors: { next: 'c2' }, hasNext: true } },
			{ items: [3], pagingMetadata: { cursors: { next: null }, hasNext: false } },
		];
		const ctx = {
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'authentication' ? 'apiKey' : fallback,
			getCredentials: async () => ({
				baseUrl: 'https://www.wixapis.com',
				siteId: 's',
				requestsPerMinute: 0,
			}),
			getNode: () => ({ name: 'Wix' }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: any) => {
					sent.push(options.body);
					return pages[sent.length - 1];
				},
			},
		};
		const items = await wixApiRequestAllItems(ctx as never, {
			method: 'POST',
			path: '/loyalty-accounts/v1/accounts/query',
			body: {
				query: { filter: { 'points.balance': { $gt: 5 } }, sort: [{ fieldName: 'createdDate' }] },
			},
			model: 'cursor',
			itemsKey: 'items',
			pageSize: 2,
			pagingIn: 'query',
		});
		expect(items).toEqual([1, 2, 3]);
		expect(sent[0].query).toEqual({
			filter: { 'points.balance': { $gt: 5 } },
			sort: [{ fieldName: 'createdDate' }],
			cursorPaging: { limit: 2 },
		});
		expect(sent[1].query).toEqual({ cursorPaging: { limit: 2, cursor: 'c2' } });
	});
});

describe('items at once', () => {
	const ctx = (requestsPerMinute: unknown, fails = false) =>
		({
			getInputData: () => [],
			getNodeParameter: () => 'apiKey',
			getCredentials: async () => {
				if (fails) throw new Error('no credential');
				return { requestsPerMinute };
			},
		}) as any;

	it('follows what the pacing lets through in a second, between 5 and 50', async () => {
		expect(await itemsAtOnce(ctx(200))).toBe(5);
		expect(await itemsAtOnce(ctx(1200))).toBe(20);
		expect(await itemsAtOnce(ctx(100_000))).toBe(50);
		expect(await itemsAtOnce(ctx(0))).toBe(50);
		expect(await itemsAtOnce(ctx(undefined))).toBe(5);
		expect(await itemsAtOnce(ctx(200, true))).toBe(5);
	});
});
