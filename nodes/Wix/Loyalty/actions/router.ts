import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import { accountKeyOf } from '../accounts';
import * as account from './account';
import * as program from './program';
import * as tier from './tier';

// Writes to accounts run five at a time, items about one account in input order. Create looks
// customers up in batches first.
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		program: {
			activate: program.activate,
			get: program.get,
			pause: program.pause,
			update: program.update,
		},
		account: {
			adjustPoints: { execute: account.adjustPoints.execute, concurrencyKey: accountKeyOf },
			create: account.create,
			earnPoints: { execute: account.earnPoints.execute, concurrencyKey: accountKeyOf },
			get: account.get,
			getAll: account.getAll,
			getTransactions: account.getTransactions,
		},
		tier: { getAll: tier.getAll },
	});
}
