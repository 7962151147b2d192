/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The stand-in external loyalty program the loyalty templates sync with: one account per customer
// email with a name and a points balance. Its API (what an integration calls) lists, creates and
// updates accounts; what happens in the program itself (a customer earns or spends points, staff
// add a customer) goes through the `ui` calls, and only those are announced to the webhook, as the
// CRM does — unless `echoApiWrites` is set, when every change is.
import { randomUUID } from 'node:crypto';

export interface LoyaltyCustomer {
	id: string;
	email: string;
	name: string;
	balance: number;
	createdAt: string;
	updatedAt: string;
}

export type LoyaltyEventType = 'account.created' | 'account.updated' | 'account.deleted';

export interface LoyaltyEvent {
	type: LoyaltyEventType;
	account: LoyaltyCustomer;
	/** The balance and name before the change, on `account.updated` and `account.deleted`. */
	previous?: { balance: number; name: string };
	/** `ui` for a change made in the program, `api` for one made through its API. */
	source: 'ui' | 'api';
}

export type LoyaltyAnswer = { status: number; body: unknown; event?: LoyaltyEvent };

const fail = (status: number, error: string): LoyaltyAnswer => ({ status, body: { error } });

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Katherine',
	'Linus',
	'Margaret',
	'Tim',
	'Barbara',
	'Dennis',
	'Radia',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Johnson',
	'Torvalds',
	'Hamilton',
	'Lee',
	'Liskov',
	'Ritchie',
	'Perlman',
];

function isBalance(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 999_999_999;
}

export class ExternalLoyalty {
	readonly accounts = new Map<string, LoyaltyCustomer>();
	/** Where account events go (`POST /loyalty/webhook {url, echoApiWrites?}`). */
	webhookUrl?: string;
	echoApiWrites = false;

	reset() {
		this.accounts.clear();
	}

	byEmail(email: string): LoyaltyCustomer | undefined {
		const wanted = email.trim().toLowerCase();
		return [...this.accounts.values()].find((a) => a.email === wanted);
	}

	/**
	 * `count` customers `customer{n}@loyalty.example` (1-based, replacing any there were), named from
	 * a fixed list, with balances spread over 0–1500 by a fixed rule: a tenth of them in 900–999.
	 */
	seed(count: number): LoyaltyCustomer[] {
		this.accounts.clear();
		const now = new Date().toISOString();
		for (let n = 1; n <= count; n++) {
			const balance = n % 10 === 0 ? 900 + ((n * 37) % 100) : (n * 157) % 1501;
			const account: LoyaltyCustomer = {
				id: `ext-${String(n).padStart(4, '0')}`,
				email: `customer${n}@loyalty.example`,
				name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`,
				balance,
				createdAt: now,
				updatedAt: now,
			};
			this.accounts.set(account.id, account);
		}
		return [...this.accounts.values()];
	}

	/** Serves `METHOD /loyalty/...`; undefined when the route is not one of the program's. */
	handle(
		method: string,
		path: string,
		body: Record<string, any>,
		search: URLSearchParams,
	): LoyaltyAnswer | undefined {
		if (method === 'POST' && path === '/loyalty/seed') {
			const count = Number(body.count ?? 200);
			if (!Number.isInteger(count) || count < 0 || count > 100_000)
				return fail(422, 'count must be 0 to 100000');
			return { status: 200, body: { accounts: this.seed(count) } };
		}
		if (method === 'POST' && path === '/loyalty/webhook') {
			this.webhookUrl = body.url ? String(body.url) : undefined;
			this.echoApiWrites = body.echoApiWrites === true;
			return { status: 200, body: {} };
		}
		const ui = path.startsWith('/loyalty/ui/');
		const rest = ui ? path.replace('/loyalty/ui/', '/loyalty/') : path;
		if (rest === '/loyalty/accounts') {
			if (method === 'GET' && !ui) return this.list(search);
			if (method === 'POST') return this.create(body, ui ? 'ui' : 'api');
			return undefined;
		}
		const byEmail = /^\/loyalty\/accounts\/by-email\/([^/]+)$/.exec(rest);
		const byId = /^\/loyalty\/accounts\/([^/]+)$/.exec(rest);
		const account = byEmail
			? this.byEmail(decodeURIComponent(byEmail[1]))
			: byId
				? this.accounts.get(decodeURIComponent(byId[1]))
				: undefined;
		if (!byEmail && !byId) return undefined;
		if (!account) return fail(404, `no account ${decodeURIComponent((byEmail ?? byId)![1])}`);
		if (method === 'GET' && !ui) return { status: 200, body: account };
		if (method === 'PATCH') return this.update(account, body, ui ? 'ui' : 'api');
		if (method === 'DELETE') {
			this.accounts.delete(account.id);
			return {
				status: 200,
				body: {},
				event: {
					type: 'account.deleted',
					account,
					previous: { balance: account.balance, name: account.name },
					source: ui ? 'ui' : 'api',
				},
			};
		}
		return undefined;
	}

	/** `GET /loyalty/accounts?email=&limit=&offset=`: all by default, in creation order. */
	private list(search: URLSearchParams): LoyaltyAnswer {
		let all = [...this.accounts.values()];
		const email = search.get('email');
		if (email) all = all.filter((a) => a.email === email.trim().toLowerCase());
		const offset = Number(search.get('offset') ?? 0);
		const limit = Number(search.get('limit') ?? all.length);
		return {
			status: 200,
			body: { accounts: all.slice(offset, offset + limit), total: all.length },
		};
	}

	private create(body: Record<string, any>, source: 'ui' | 'api'): LoyaltyAnswer {
		if (typeof body.email !== 'string' || !body.email.includes('@'))
			return fail(422, 'email is required');
		if (body.balance !== undefined && !isBalance(body.balance))
			return fail(422, 'balance must be a whole number from 0');
		if (this.byEmail(body.email))
			return fail(409, `an account for ${body.email.toLowerCase()} exists`);
		const now = new Date().toISOString();
		const account: LoyaltyCustomer = {
			id: randomUUID(),
			email: body.email.trim().toLowerCase(),
			name: typeof body.name === 'string' ? body.name : '',
			balance: body.balance ?? 0,
			createdAt: now,
			updatedAt: now,
		};
		this.accounts.set(account.id, account);
		return { status: 200, body: account, event: { type: 'account.created', account, source } };
	}

	/** `PATCH {balance}` sets, `{amount}` adds (may be negative), `{name}` renames; never below 0. */
	private update(
		account: LoyaltyCustomer,
		body: Record<string, any>,
		source: 'ui' | 'api',
	): LoyaltyAnswer {
		let balance = account.balance;
		if (body.balance !== undefined) {
			if (!isBalance(body.balance)) return fail(422, 'balance must be a whole number from 0');
			balance = body.balance;
		} else if (body.amount !== undefined) {
			if (!Number.isInteger(body.amount)) return fail(422, 'amount must be a whole number');
			balance = account.balance + body.amount;
			if (balance < 0) return fail(422, `the balance would be ${balance}`);
		}
		const name = typeof body.name === 'string' ? body.name : account.name;
		if (balance === account.balance && name === account.name) return { status: 200, body: account };
		const next = { ...account, balance, name, updatedAt: new Date().toISOString() };
		this.accounts.set(account.id, next);
		return {
			status: 200,
			body: next,
			event: {
				type: 'account.updated',
				account: next,
				previous: { balance: account.balance, name: account.name },
				source,
			},
		};
	}

	/** Whether an event goes to the webhook: changes in the program always, API writes when echoing. */
	announces(event: LoyaltyEvent): boolean {
		return Boolean(this.webhookUrl) && (event.source === 'ui' || this.echoApiWrites);
	}
}
