// Wix Loyalty API, tiers (`@wix/auto_sdk_loyalty_tiers`, type-only).
import type { TierOriginal as Tier } from '@wix/auto_sdk_loyalty_tiers/meta';

import type { Rest } from '../shared/types';
import type { WixApiErrors, WixRequest } from '../transport';

export type WixLoyaltyTier = Rest<Tier>;

export const TIERS_PATH = '/loyalty-tiers/v1/tiers';

export const errors: WixApiErrors = {};

/** Every tier of the program (one request; the base tier is not among them). */
export const list = (): WixRequest => ({ method: 'GET', path: TIERS_PATH, errors });
