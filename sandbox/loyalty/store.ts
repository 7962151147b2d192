// The loyalty part of the site: the program (DRAFT with sample data until activated), accounts,
// their transactions, earn idempotency keys and tiers. Handlers live in program.ts, accounts.ts,
// transactions.ts and tiers.ts; what a change sends out, in events.ts.
import type { ContactsState } from '../contacts/store';
import type { SiteContext } from '../core/context';
import type { MembersState } from '../members/members';
import type {
	EarnPointsResponse,
	LoyaltyAccount,
	LoyaltyProgram,
	LoyaltyTransaction,
	Tier,
} from './types';

/** Wix Loyalty's app ID: the app adjustments made without an app of one's own are credited to. */
export const LOYALTY_APP_ID = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';

/**
 * The points the program's cheapest reward costs [INFER]: the sandbox models no rewards API, so an
 * account's `rewardAvailable` is "balance at or above this".
 */
export const SAMPLE_REWARD_POINTS = 100;

/** What a new site's program looks like: DRAFT, with Wix's sample data. */
export function sampleProgram(now: string): LoyaltyProgram {
	return {
		name: 'Loyalty Program',
		pointDefinition: {
			customName: 'Points',
			icon: {
				id: 'loyalty-points-icon.svg',
				url: 'https://static.wixstatic.com/shapes/loyalty-points-icon.svg',
				height: 0,
				width: 0,
			},
		},
		status: 'DRAFT',
		pointsExpiration: { status: 'DISABLED', monthsOfInactivity: 12, expiringPointsPercentage: 100 },
		premiumFeatures: { loyaltyProgram: true, tiers: true, pointsExpiration: false },
		createdDate: now,
		updatedDate: now,
	};
}

/** An account as stored; `memberId`, `contact` and `tier.id` are filled in when it is read. */
export type StoredAccount = LoyaltyAccount;

export class LoyaltyStore {
	program: LoyaltyProgram = sampleProgram(new Date().toISOString());
	readonly accounts = new Map<string, StoredAccount>();
	/** Contact ID → account ID: one account per contact. */
	readonly byContact = new Map<string, string>();
	/** In creation order. */
	readonly transactions = new Map<string, LoyaltyTransaction>();
	/** `accountId:idempotencyKey` → the answer the first Earn Points with that key got. */
	readonly earned = new Map<string, EarnPointsResponse>();
	readonly tiers = new Map<string, Tier>();
	tiersSettingsRevision = 1;
}

export interface LoyaltyState {
	loyalty: LoyaltyStore;
}

/** An account belongs to a contact, and names its member when the contact has signed up. */
export type LoyaltyContext = SiteContext<LoyaltyState & ContactsState & MembersState>;

export function loyaltyState(): LoyaltyState {
	return { loyalty: new LoyaltyStore() };
}
