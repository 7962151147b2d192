// Adjust Points at the account's revision: from the input item when it is this account (so setting
// 2,000 balances from a Get Many costs one request each), else read first; a write that lost a race
// is re-read and tried once more. An Add/Subtract whose answer was lost is looked for (by revision,
// then among the newest transactions) before it is reported or sent again.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, sleep, updateDisplayOptions } from 'n8n-workflow';

import * as accountsApi from '../../../api/loyaltyAccounts';
import { optionsCollection } from '../../../shared/descriptions';
import { forItem, itemError, pinToItem, wholeNumber } from '../../../shared/itemErrors';
import {
	markedDescription,
	MAX_USER_DESCRIPTION,
	OWN_POINTS_MARK,
} from '../../../shared/loyaltyMark';
import * as transactionsApi from '../../../api/loyaltyTransactions';
import { answerWasLost, wixApiRequest, wixApiRequestAllItems } from '../../../transport';
import { backoffDelay } from '../../../transport/backoff';
import {
	readAccount,
	stateFromItem,
	type AccountState,
	type WixLoyaltyAccount,
} from '../../accounts';
import { accountLocator, requiredValue } from '../../descriptions';

const properties: INodeProperties[] = [
	accountLocator(
		'The account to adjust. From a previous Wix Loyalty step, map its ID (e.g. {{ $json.id }}): the item’s revision is then used and no extra read is needed.',
	),
	{
		displayName: 'Adjustment',
		name: 'adjustment',
		type: 'options',
		options: [
			{
				name: 'Set Balance',
				value: 'set',
				description: 'Make the balance exactly this many points (e.g. from an external program)',
			},
			{ name: 'Add Points', value: 'add', description: 'Add this many points to the balance' },
			{
				name: 'Subtract Points',
				value: 'subtract',
				description: 'Take this many points off the balance (it may not go below 0)',
			},
		],
		default: 'set',
	},
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		required: true,
		description:
			'A whole number: the new balance (0–999,999,999), or the points to add or subtract (1–9,999,999)',
	},
	optionsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'e.g. Sync from external program',
			description:
				'Why the points changed (at most 90 characters), shown in the transaction; the node adds “(via n8n)”, which tells the Wix Trigger the change came from n8n',
		},
		{
			displayName: 'Revision',
			name: 'revision',
			type: 'string',
			default: '',
			description:
				'Adjust only if the account is still at this revision. Empty: the input item’s revision when the item is this account, else the current one is read; a write that lost a race is re-read and tried once more.',
		},
		{
			displayName: 'Skip When Balance Already Matches',
			name: 'skipUnchanged',
			type: 'boolean',
			default: true,
			description:
				'Whether Set Balance sends nothing when the account (as the input item or a read shows it) already has this balance; the output then says changed: false',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['adjustPoints'] } },
	properties,
);

/** Codes Wix uses for a write at a revision that is no longer current. */
const STALE_CODES = new Set(['REVISION_MISMATCH', 'REVISION_CONFLICT', 'ABORTED']);

function isStale(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = String(error.context?.wixErrorCode ?? '');
	return STALE_CODES.has(code) || (error.httpCode === '409' && code !== 'ALREADY_EXISTS');
}

/** How many times a write that lost a race is re-read and sent again. */
export const STALE_RETRIES = 1;

/** The parameter a Wix error on Adjust Points is about. */
function fieldOf(error: unknown): string {
	if (isStale(error)) return 'Revision';
	const e = error as NodeApiError;
	if (e.httpCode === '404' || e.context?.wixErrorCode === 'ACCOUNT_NOT_FOUND') return 'Account';
	if (e.httpCode === '428' || String(e.context?.wixErrorCode ?? '').includes('NOT_ACTIVE'))
		return 'Account (program)';
	return 'Points';
}

interface AdjustBody {
	balance?: number;
	amount?: number;
	description: string;
	revision: string;
}

interface Options {
	description?: string;
	revision?: string;
	skipUnchanged?: boolean;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const accountId = requiredValue(this, 'accountId', 'Account', i);
	const adjustment = this.getNodeParameter('adjustment', i, 'set') as 'set' | 'add' | 'subtract';
	const raw = this.getNodeParameter('points', i);
	const points =
		adjustment === 'set'
			? wholeNumber(this, i, 'Points', raw, 0, accountsApi.MAX_BALANCE)
			: wholeNumber(this, i, 'Points', raw, 1, accountsApi.MAX_ADJUST);
	const options = this.getNodeParameter('options', i, {}) as Options;
	const text = (options.description ?? '').trim();
	if (text.length > MAX_USER_DESCRIPTION)
		throw itemError(
			this,
			i,
			'Description',
			'INVALID_ARGUMENT',
			`The description may have at most ${MAX_USER_DESCRIPTION} characters, not ${text.length} (Wix takes 100; the node adds "${OWN_POINTS_MARK}", how the Wix Trigger knows the change came from n8n)`,
			'Shorten the description and run again.',
		);
	const given = String(options.revision ?? '').trim();
	const known: AccountState | undefined = given
		? { revision: given, source: 'given' }
		: stateFromItem(this, i, accountId);

	// What the next attempt writes at: the account as a look after a lost answer saw it.
	let seen: AccountState | undefined;
	for (let attempt = 0; ; attempt++) {
		const state =
			seen ??
			(attempt === 0 && known
				? known
				: await forItem(this, i, 'Account', async () => await readAccount(this, accountId, i)));
		seen = undefined;
		if (
			adjustment === 'set' &&
			(options.skipUnchanged ?? true) &&
			state.balance === points &&
			state.account
		)
			return { ...(state.account as IDataObject), changed: false };
		if (adjustment === 'subtract' && state.source === 'read' && (state.balance ?? 0) < points)
			throw itemError(
				this,
				i,
				'Points',
				'NEGATIVE_BALANCE',
				`Subtracting ${points} points would take the balance of account ${accountId} below 0 (it has ${state.balance ?? 0})`,
				'Subtract at most the current balance, or use Set Balance.',
			);
		const body: AdjustBody = {
			...(adjustment === 'set'
				? { balance: points }
				: { amount: adjustment === 'add' ? points : -points }),
			description: markedDescription(text),
			revision: state.revision,
		};
		try {
			const { account, transactionId } = await wixApiRequest<{
				account: WixLoyaltyAccount;
				transactionId?: string;
			}>(this, accountsApi.adjust(accountId, body), i);
			return { ...(account as IDataObject), transactionId, changed: true };
		} catch (error) {
			// Adding is not safe to send twice (setting is, and the transport re-sends it): after a
			// lost answer, look whether it landed before reporting or sending again.
			if (body.amount !== undefined && answerWasLost(error)) {
				const look = await lookForAdjustment(this, accountId, state, body, i).catch(
					() => undefined,
				);
				if (look?.transactionId)
					return {
						...(look.now.account as IDataObject),
						transactionId: look.transactionId,
						changed: true,
					};
				if (look && attempt < STALE_RETRIES) {
					// A revision the user gave still holds: a resend at it fails as stale if someone
					// else moved the account, which is what the user asked for.
					seen = state.source === 'given' ? state : look.now;
					continue;
				}
			}
			// A revision the user gave means "only if unchanged": no second try.
			if (state.source !== 'given' && isStale(error) && attempt < STALE_RETRIES) continue;
			throw pinToItem(this, error, i, fieldOf(error));
		}
	}
}

/** How many of an account's newest transactions a look after a lost answer reads at most. */
const LOOK_LIMIT = 100;

/**
 * Whether an Add/Subtract sent at `sent.revision` whose answer was lost landed: the account read
 * now, and the transaction our write made if one is found. An unchanged revision means it did not
 * land (one request). A moved one is searched for among the transactions since, newest first:
 * one per revision at most, made after the revision we sent, with our amount and marked
 * description (two requests).
 */
async function lookForAdjustment(
	ctx: IExecuteFunctions,
	accountId: string,
	sent: AccountState,
	body: AdjustBody,
	i: number,
): Promise<{ now: AccountState; transactionId?: string }> {
	// Wix may still be carrying out a write it failed to answer: give it a moment.
	await sleep(backoffDelay(0));
	const now = await readAccount(ctx, accountId, i);
	if (now.revision === sent.revision) return { now };
	// Each change moves the revision by one, so our transaction is among that many newest ones.
	const moved = Number(now.revision) - Number(sent.revision);
	const limit = Number.isSafeInteger(moved) && moved > 0 ? Math.min(moved, LOOK_LIMIT) : LOOK_LIMIT;
	// Every type counts towards the revisions, so none is filtered out before the limit.
	const filters: IDataObject[] = [{ accountId }];
	const since = sent.account?.updatedDate;
	if (since) filters.push({ createdDate: { $gt: since } });
	const newest = await wixApiRequestAllItems<transactionsApi.WixLoyaltyTransaction>(
		ctx,
		transactionsApi.query(
			{
				filter: filters.length === 1 ? filters[0] : { $and: filters },
				sort: [{ fieldName: 'createdDate', order: 'DESC' }],
			},
			limit,
		),
		i,
	);
	const ours = newest.find(
		(t) =>
			t.transactionType === 'ADJUST' &&
			t.amount === body.amount &&
			t.description === body.description,
	);
	return { now, transactionId: ours?.id ?? undefined };
}
