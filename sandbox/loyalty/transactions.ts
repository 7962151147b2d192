/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty transactions (wix-api.md D.3, SDK `_loyalty_transactions`): one per earn or adjustment,
// adjustments with the balance before and after; query by cursor, get by ID.
import { ID_OPS, cursorQuery, field, type QueryField } from '../core/cursorQuery';
import { notFound } from '../core/errors';
import type { LoyaltyContext } from './store';
import type { LoyaltyTransaction, QueryLoyaltyTransactionsResponse } from './types';

const ALL = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'];
const BOTH: Array<'ASC' | 'DESC'> = ['ASC', 'DESC'];
type T = LoyaltyTransaction;

/** The SDK's LoyaltyTransactionQuerySpec: every operator, sortable both ways. */
const TRANSACTION_FIELDS: Record<string, QueryField> = {
	id: field<T>('id', [...ID_OPS, '$exists'], (t) => t.id, BOTH),
	accountId: field<T>('id', [...ID_OPS, '$exists'], (t) => t.accountId, BOTH),
	createdDate: field<T>('date', ALL, (t) => t.createdDate, BOTH),
	amount: field<T>('number', ALL, (t) => t.amount, BOTH),
	description: field<T>('text', [...ALL, '$startsWith'], (t) => t.description, BOTH),
	idempotencyKey: field<T>('text', [...ALL, '$startsWith'], (t) => t.idempotencyKey, BOTH),
	transactionType: field<T>('text', ALL, (t) => t.transactionType, BOTH),
};

export function recordTransaction(ctx: LoyaltyContext, transaction: T) {
	ctx.site.loyalty.transactions.set(transaction.id!, transaction);
}

export function queryTransactions(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): QueryLoyaltyTransactionsResponse {
	const { items, pagingMetadata } = cursorQuery(
		[...ctx.site.loyalty.transactions.values()],
		body.query,
		TRANSACTION_FIELDS,
		{ maxSort: 5, defaultSort: [{ fieldName: 'createdDate', order: 'DESC' }] },
	);
	return { loyaltyTransactions: structuredClone(items), pagingMetadata };
}

export function getTransaction(ctx: LoyaltyContext, id: string): { loyaltyTransaction: T } {
	const transaction = ctx.site.loyalty.transactions.get(id);
	if (!transaction) throw notFound('TRANSACTION_NOT_FOUND', `Loyalty transaction ${id}`);
	return { loyaltyTransaction: structuredClone(transaction) };
}
