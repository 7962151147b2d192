// What an account change sends out: the signed webhooks of wix-api.md D.5 / G.3, and the Wix
// Automations loyalty triggers of the catalog. The triggers' payloads are not documented; the
// sandbox sends [INFER] `accountId`, `contactId`, `memberId`, `contactEmail`, `contactName`,
// `pointsBalance`, and per trigger the fields named below.
import type { LoyaltyContext } from './store';
import type { LoyaltyAccount } from './types';

const FQDN = 'wix.loyalty.v1.account';

export function accountCreated(ctx: LoyaltyContext, account: LoyaltyAccount) {
	ctx.emit({
		entityFqdn: FQDN,
		slug: 'created',
		entityId: account.id!,
		body: { createdEvent: { entity: structuredClone(account) } },
	});
}

export interface PointsChange {
	kind: 'earn' | 'adjust';
	/** The points the change added (negative when it took some). */
	amount: number;
	transactionId: string;
	description?: string;
}

function triggerPayload(account: LoyaltyAccount) {
	return {
		accountId: account.id,
		contactId: account.contactId,
		memberId: account.memberId ?? null,
		contactEmail: account.contact?.email ?? null,
		contactName: account.contact?.name ?? null,
		pointsBalance: account.points?.balance ?? 0,
	};
}

/**
 * After points moved: `account_updated`, `account_points_updated`, and
 * `account_reward_availability_updated` when `rewardAvailable` flipped; the automations
 * `wix_loyalty-points_earned` (+ `pointsEarned`, `transactionId`, `description`) or
 * `wix_loyalty-points_adjusted` (+ `pointsAdjusted`, `previousBalance`, `transactionId`,
 * `description`), `wix_loyalty-tier_updated` when the tier changed (+ `tierId`, `tierName`,
 * `previousTierId`), and `wix_loyalty-loyalty_points_reached` when a reward became available.
 */
export function pointsChanged(
	ctx: LoyaltyContext,
	before: LoyaltyAccount,
	after: LoyaltyAccount,
	change: PointsChange,
) {
	const entity = structuredClone(after);
	ctx.emit({
		entityFqdn: FQDN,
		slug: 'updated',
		entityId: after.id!,
		body: { updatedEvent: { currentEntity: entity } },
	});
	ctx.emit({
		entityFqdn: FQDN,
		slug: 'points_updated',
		entityId: after.id!,
		body: { actionEvent: { body: { account: structuredClone(entity) } } },
	});
	if (before.rewardAvailable !== after.rewardAvailable)
		ctx.emit({
			entityFqdn: FQDN,
			slug: 'reward_availability_updated',
			entityId: after.id!,
			body: {
				actionEvent: {
					body: { rewardAvailable: after.rewardAvailable, updateTrigger: 'BALANCE_UPDATED' },
				},
			},
		});
	const payload = triggerPayload(after);
	if (change.kind === 'earn')
		ctx.fire?.('wix_loyalty-points_earned', {
			...payload,
			pointsEarned: change.amount,
			transactionId: change.transactionId,
			description: change.description ?? '',
		});
	else
		ctx.fire?.('wix_loyalty-points_adjusted', {
			...payload,
			pointsAdjusted: change.amount,
			previousBalance: before.points?.balance ?? 0,
			transactionId: change.transactionId,
			description: change.description ?? '',
		});
	if ((before.tier?.id ?? null) !== (after.tier?.id ?? null)) {
		const tier = after.tier?.id ? ctx.site.loyalty.tiers.get(after.tier.id) : undefined;
		ctx.fire?.('wix_loyalty-tier_updated', {
			...payload,
			tierId: after.tier?.id ?? null,
			tierName: tier?.tierDefinition?.name ?? 'Base',
			previousTierId: before.tier?.id ?? null,
		});
	}
	if (!before.rewardAvailable && after.rewardAvailable)
		ctx.fire?.('wix_loyalty-loyalty_points_reached', payload);
}

/** Points of `account` expire in 14 days (Wix's notice; the admin API plays the daily check). */
export function pointsAboutToExpire(
	ctx: LoyaltyContext,
	account: LoyaltyAccount,
	points: number,
	expirationDate: string,
) {
	ctx.fire?.('wix_loyalty-points_about_to_expire', {
		...triggerPayload(account),
		pointsToExpire: points,
		expirationDate,
	});
}

/** The customer followed one of the site's social profiles (a loyalty earning action). */
export function socialChannelFollowed(
	ctx: LoyaltyContext,
	account: LoyaltyAccount,
	channel: string,
) {
	ctx.fire?.('wix_loyalty-social_media_channel_followed', { ...triggerPayload(account), channel });
}
