// REST shapes of the loyalty program and accounts, from Wix's own SDK types.
import type {
	LoyaltyAccountOriginal,
	QueryLoyaltyAccountsResponseOriginal,
	CreateAccountResponseOriginal,
	EarnPointsResponseOriginal,
	AdjustPointsResponseOriginal,
} from '@wix/auto_sdk_loyalty_accounts/meta';
import type {
	LoyaltyProgramOriginal,
	GetLoyaltyProgramResponseOriginal,
	ActivateLoyaltyProgramResponseOriginal,
} from '@wix/auto_sdk_loyalty_programs/meta';
import type { Rest } from '../core/types';

export type LoyaltyAccount = Rest<LoyaltyAccountOriginal>;
export type QueryLoyaltyAccountsResponse = Rest<QueryLoyaltyAccountsResponseOriginal>;
export type CreateAccountResponse = Rest<CreateAccountResponseOriginal>;
export type EarnPointsResponse = Rest<EarnPointsResponseOriginal>;
export type AdjustPointsResponse = Rest<AdjustPointsResponseOriginal>;
export type LoyaltyProgram = Rest<LoyaltyProgramOriginal>;
export type GetLoyaltyProgramResponse = Rest<GetLoyaltyProgramResponseOriginal>;
export type ActivateLoyaltyProgramResponse = Rest<ActivateLoyaltyProgramResponseOriginal>;
