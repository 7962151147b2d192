// What several account operations share: the account as output, the account an input item already
// carries (its revision and balance, so a write needs no read), and reading an account.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import * as accountsApi from '../api/loyaltyAccounts';
import { wixApiRequest } from '../transport';

export type WixLoyaltyAccount = accountsApi.WixLoyaltyAccount;

/** What a write needs to know about an account: its revision, and its balance when known. */
export interface AccountState {
	revision: string;
	balance?: number;
	account?: WixLoyaltyAccount;
	/** Where the revision came from: the input item, the Revision option, or a read. */
	source: 'input' | 'given' | 'read';
}

/**
 * The account's revision and balance from input item `i`, when the item is this account (as Get,
 * Get Many, Create, Adjust or Earn output it): `id` (or `accountId`) equal to the account and a
 * `revision`. Anything else on the item is not trusted to be the account.
 */
export function stateFromItem(
	ctx: IExecuteFunctions,
	i: number,
	accountId: string,
): AccountState | undefined {
	const json = ctx.getInputData()[i]?.json ?? {};
	const candidates = [json, json.account as IDataObject | undefined];
	for (const c of candidates) {
		if (!c || typeof c !== 'object') continue;
		const id = c.id ?? c.accountId;
		const revision = c.revision;
		if (id !== accountId || (typeof revision !== 'string' && typeof revision !== 'number'))
			continue;
		const balance = (c.points as IDataObject | undefined)?.balance;
		return {
			revision: String(revision),
			balance: typeof balance === 'number' ? balance : undefined,
			account: c as WixLoyaltyAccount,
			source: 'input',
		};
	}
	return undefined;
}

export async function readAccount(
	ctx: IExecuteFunctions,
	accountId: string,
	i: number,
): Promise<AccountState> {
	const { account } = await wixApiRequest<{ account: WixLoyaltyAccount }>(
		ctx,
		accountsApi.get(accountId),
		i,
	);
	return {
		revision: String(account.revision ?? ''),
		balance: account.points?.balance,
		account,
		source: 'read',
	};
}

export async function accountOfContact(
	ctx: IExecuteFunctions,
	contactId: string,
	i: number,
): Promise<WixLoyaltyAccount> {
	return (
		await wixApiRequest<{ account: WixLoyaltyAccount }>(
			ctx,
			accountsApi.getBy('contact', contactId),
			i,
		)
	).account;
}

/** What item `i` acts on, for running items side by side: the account its picker names. */
export function accountKeyOf(this: IExecuteFunctions, i: number): string {
	const value = this.getNodeParameter('accountId', i, '', { extractValue: true });
	return `account:${String(value ?? '').trim()}`;
}
