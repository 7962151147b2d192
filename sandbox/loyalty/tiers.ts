/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty tiers (wix-api.md D.4, SDK `_loyalty_tiers`): list, get, create, update, delete, and the
// tiers program settings. An account's tier is the tier with the most required points at or below
// its `tier.points` (earned + adjusted [INFER]); below every tier it is the base tier (`tier.id` null).
import { appError, notFound, validationError } from '../core/errors';
import type { LoyaltyContext, LoyaltyStore } from './store';
import type {
	GetTiersProgramResponse,
	ListTiersResponse,
	Tier,
	TiersProgramSettings,
} from './types';

/** The tiers, fewest required points first. */
export function sortedTiers(store: LoyaltyStore): Tier[] {
	return [...store.tiers.values()].sort((a, b) => a.requiredPoints! - b.requiredPoints!);
}

/** The ID of the tier `points` reach, or null for the base tier. */
export function tierIdFor(store: LoyaltyStore, points: number): string | null {
	let id: string | null = null;
	for (const tier of sortedTiers(store)) if (points >= tier.requiredPoints!) id = tier.id!;
	return id;
}

export function listTiers(ctx: LoyaltyContext): ListTiersResponse {
	return { tiers: structuredClone(sortedTiers(ctx.site.loyalty)) };
}

function tierOf(ctx: LoyaltyContext, tierId: string): Tier {
	const tier = ctx.site.loyalty.tiers.get(tierId);
	if (!tier) throw notFound('TIER_NOT_FOUND', `Loyalty tier ${tierId}`);
	return tier;
}

export function getTier(ctx: LoyaltyContext, tierId: string): { tier: Tier } {
	return { tier: structuredClone(tierOf(ctx, tierId)) };
}

function checkTier(ctx: LoyaltyContext, input: any, creating: boolean, selfId?: string) {
	if (typeof input !== 'object' || input === null)
		throw validationError([{ field: 'tier', description: 'is required' }]);
	const name = input.tierDefinition?.name;
	if (
		(creating || name !== undefined) &&
		(typeof name !== 'string' || !name.trim() || name.length > 50)
	)
		throw validationError([
			{ field: 'tier.tierDefinition.name', description: 'is required, 1 to 50 characters' },
		]);
	const description = input.tierDefinition?.description;
	if (description !== undefined && description !== null && String(description).length > 70)
		throw validationError([
			{ field: 'tier.tierDefinition.description', description: 'is at most 70 characters' },
		]);
	const points = input.requiredPoints;
	if (
		(creating || points !== undefined) &&
		(!Number.isInteger(points) || points < 1 || points > 9_999_999)
	)
		throw validationError([
			{ field: 'tier.requiredPoints', description: 'must be a whole number from 1 to 9999999' },
		]);
	if (
		points !== undefined &&
		[...ctx.site.loyalty.tiers.values()].some((t) => t.id !== selfId && t.requiredPoints === points)
	)
		throw appError(409, 'ALREADY_EXISTS', `Another tier already requires ${points} points`);
}

export function createTier(ctx: LoyaltyContext, body: Record<string, any>): { tier: Tier } {
	checkTier(ctx, body.tier, true);
	const now = ctx.site.now();
	const tier: Tier = {
		id: ctx.site.newId(),
		tierDefinition: {
			name: body.tier.tierDefinition.name,
			...(body.tier.tierDefinition.description != null
				? { description: String(body.tier.tierDefinition.description) }
				: {}),
			...(body.tier.tierDefinition.icon ? { icon: body.tier.tierDefinition.icon } : {}),
		},
		requiredPoints: body.tier.requiredPoints,
		revision: '1',
		createdDate: now,
		updatedDate: now,
	};
	ctx.site.loyalty.tiers.set(tier.id!, tier);
	return { tier: structuredClone(tier) };
}

export function updateTier(
	ctx: LoyaltyContext,
	tierId: string,
	body: Record<string, any>,
): { tier: Tier } {
	const tier = tierOf(ctx, tierId);
	checkTier(ctx, body.tier, false, tierId);
	if (body.tier.revision !== undefined && String(body.tier.revision) !== tier.revision)
		throw appError(
			409,
			'REVISION_MISMATCH',
			`Tier ${tierId} changed since revision ${String(body.tier.revision)} (now ${tier.revision})`,
		);
	const next: Tier = {
		...tier,
		tierDefinition: { ...tier.tierDefinition, ...(body.tier.tierDefinition ?? {}) },
		requiredPoints: body.tier.requiredPoints ?? tier.requiredPoints,
		revision: String(Number(tier.revision) + 1),
		updatedDate: ctx.site.now(),
	};
	ctx.site.loyalty.tiers.set(tierId, next);
	return { tier: structuredClone(next) };
}

export function deleteTier(ctx: LoyaltyContext, tierId: string): Record<string, never> {
	tierOf(ctx, tierId);
	ctx.site.loyalty.tiers.delete(tierId);
	return {};
}

/** The tiers program is ACTIVE while it has tiers [INFER], over a 12-month rolling window. */
export function tiersSettings(ctx: LoyaltyContext): TiersProgramSettings {
	const store = ctx.site.loyalty;
	return {
		status: store.tiers.size ? 'ACTIVE' : 'DISABLED',
		rollingWindow: { durationInMonths: 12 },
		baseTierDefinition: { name: 'Base' },
		revision: String(store.tiersSettingsRevision),
		createdDate: store.program.createdDate,
		updatedDate: store.program.updatedDate,
	};
}

export function getTiersProgram(ctx: LoyaltyContext): GetTiersProgramResponse {
	return { tiers: listTiers(ctx).tiers, programSettings: tiersSettings(ctx) };
}
