import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as tiersApi from '../../../api/loyaltyTiers';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { wixApiRequest } from '../../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['tier'], operation: ['getAll'] } },
	returnAllOrLimit,
);

/** The program's tiers, fewest required points first (Wix lists them in one answer). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const { tiers = [] } = await wixApiRequest<{ tiers?: tiersApi.WixLoyaltyTier[] }>(
		this,
		tiersApi.list(),
		i,
	);
	const sorted = [...tiers].sort((a, b) => (a.requiredPoints ?? 0) - (b.requiredPoints ?? 0));
	return (limit === undefined ? sorted : sorted.slice(0, limit)) as IDataObject[];
}
