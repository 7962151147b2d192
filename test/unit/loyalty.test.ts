// Pieces of the Wix Loyalty node that need no Wix: the derived idempotency key, the program's
// "active" output, which input items count as the account, and the points check.
import type { IExecuteFunctions } from 'n8n-workflow';

import { stateFromItem } from '../../nodes/Wix/Loyalty/accounts';
import { derivedIdempotencyKey } from '../../nodes/Wix/Loyalty/actions/account/earnPoints.operation';
import { programOutput } from '../../nodes/Wix/Loyalty/actions/program/output';
import { wholeNumber } from '../../nodes/Wix/shared/itemErrors';

const ctxWith = (items: object[]) =>
	({
		getInputData: () => items.map((json) => ({ json })),
		getNode: () => ({ id: 'n1', name: 'Wix Loyalty', type: 'x', typeVersion: 1, parameters: {} }),
	}) as unknown as IExecuteFunctions;

describe('derivedIdempotencyKey', () => {
	it('is a GUID, the same for the same execution, node and item, different otherwise', () => {
		const key = derivedIdempotencyKey('101', 'node-a', 3);
		expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(derivedIdempotencyKey('101', 'node-a', 3)).toBe(key);
		const others = [
			derivedIdempotencyKey('102', 'node-a', 3),
			derivedIdempotencyKey('101', 'node-b', 3),
			derivedIdempotencyKey('101', 'node-a', 4),
		];
		expect(new Set([key, ...others]).size).toBe(4);
	});
});

describe('programOutput', () => {
	it('says plainly whether the program is active', () => {
		expect(programOutput({ status: 'ACTIVE' })).toMatchObject({ active: true });
		const draft = programOutput({ status: 'DRAFT', name: 'Rewards' });
		expect(draft).toMatchObject({ name: 'Rewards', active: false });
		expect(draft.statusMessage).toMatch(/not active \(DRAFT\).*Activate/);
		expect(programOutput({ status: 'PAUSED' }).active).toBe(false);
		expect(programOutput(undefined).active).toBe(false);
	});
});

describe('stateFromItem', () => {
	it('takes revision and balance only from an item that is this account', () => {
		const account = { id: 'acc-1', revision: '4', points: { balance: 70 } };
		expect(stateFromItem(ctxWith([account]), 0, 'acc-1')).toMatchObject({
			revision: '4',
			balance: 70,
			source: 'input',
		});
		expect(stateFromItem(ctxWith([{ account, transactionId: 't' }]), 0, 'acc-1')?.revision).toBe(
			'4',
		);
		expect(stateFromItem(ctxWith([account]), 0, 'acc-2')).toBeUndefined();
		expect(stateFromItem(ctxWith([{ id: 'acc-1' }]), 0, 'acc-1')).toBeUndefined();
		expect(
			stateFromItem(ctxWith([{ id: 'ext-9', revision: '1', balance: 5 }]), 0, 'acc-1'),
		).toBeUndefined();
	});
});

describe('wholeNumber', () => {
	const ctx = ctxWith([{}]);
	it('takes whole numbers (also as text) within range', () => {
		expect(wholeNumber(ctx, 0, 'Points', 42, 0, 100)).toBe(42);
		expect(wholeNumber(ctx, 0, 'Points', ' 7 ', 0, 100)).toBe(7);
	});
	it('names the item, the field and a code for anything else', () => {
		expect(() => wholeNumber(ctx, 2, 'Points', 2.5, 0, 100)).toThrow(
			/whole number.*\[INVALID_ARGUMENT\] \(item 2, field "Points"\)/,
		);
		expect(() => wholeNumber(ctx, 0, 'Points', 'ten', 0, 100)).toThrow(/INVALID_ARGUMENT/);
		expect(() => wholeNumber(ctx, 0, 'Points', 0, 1, 100)).toThrow(/from 1 to 100.*OUT_OF_RANGE/);
	});
});
