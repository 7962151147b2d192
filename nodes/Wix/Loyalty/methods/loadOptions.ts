import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import * as tiersApi from '../../api/loyaltyTiers';
import { wixApiRequest } from '../../transport';

/** The base tier (accounts without a tier), then the program's tiers by required points. */
export async function getTiers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { tiers = [] } = await wixApiRequest<{ tiers?: tiersApi.WixLoyaltyTier[] }>(
		this,
		tiersApi.list(),
	);
	return [
		{ name: 'Base Tier', value: 'base', description: 'Accounts not in any tier yet' },
		...[...tiers]
			.sort((a, b) => (a.requiredPoints ?? 0) - (b.requiredPoints ?? 0))
			.map((t) => ({
				name: t.tierDefinition?.name ?? String(t.id),
				value: String(t.id),
				description: `From ${t.requiredPoints ?? 0} points`,
			})),
	];
}
