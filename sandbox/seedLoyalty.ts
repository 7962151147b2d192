// The demo seed's loyalty and badges: an ACTIVE program (so `npm start` shows accounts, balances and
// tiers at once; `empty` keeps Wix's DRAFT sample program), three tiers, twelve accounts with
// balances set by adjustment (some in 900–999 for the milestone template, some of those SUBSCRIBED
// to marketing email), and two badges, the milestone one held by the member who passed 1000.
import { assignBadge, createBadge, type BadgesContext } from './badges/badges';
import {
	upsertSubscription,
	type SubscriptionsContext,
} from './emailSubscriptions/emailSubscriptions';
import { adjustPoints, createAccount } from './loyalty/accounts';
import { activateProgram, updateProgram } from './loyalty/program';
import type { LoyaltyContext } from './loyalty/store';
import { createTier } from './loyalty/tiers';

const BALANCES = [1250, 950, 120, 905, 990, 0, 450, 1000, 930, 2600, 80, 300];

export function seedLoyalty(
	ctx: LoyaltyContext & BadgesContext & SubscriptionsContext,
	contactIds: string[],
) {
	updateProgram(ctx, {
		loyaltyProgram: { name: 'Demo Rewards', pointDefinition: { customName: 'Stars' } },
	});
	activateProgram(ctx);
	for (const [name, requiredPoints] of [
		['Silver', 500],
		['Gold', 1000],
		['Platinum', 2500],
	] as const)
		createTier(ctx, { tier: { tierDefinition: { name }, requiredPoints } });
	contactIds.slice(0, BALANCES.length).forEach((contactId, k) => {
		const { account } = createAccount(ctx, { contactId });
		if (BALANCES[k])
			adjustPoints(ctx, account!.id!, {
				balance: BALANCES[k],
				revision: account!.revision,
				description: 'Demo balance',
			});
		if (BALANCES[k] >= 900 && BALANCES[k] < 1000 && k % 2 === 1)
			upsertSubscription(ctx, {
				subscription: {
					email: account!.contact!.email,
					subscriptionStatus: 'SUBSCRIBED',
					deliverabilityStatus: 'VALID',
				},
			});
	});
	const { badge } = createBadge(ctx, {
		badge: {
			title: 'Loyalty 1000',
			description: 'Reached 1,000 loyalty points',
			backgroundColor: '#C8A2C8',
			textColor: '#FFFFFF',
		},
	});
	createBadge(ctx, { badge: { title: 'VIP', backgroundColor: '#000000', textColor: '#FFD700' } });
	const milestoneMember = ctx.site.members.memberIdOf(contactIds[0]);
	if (milestoneMember) assignBadge(ctx, badge.id!, { memberIds: [milestoneMember] });
}
