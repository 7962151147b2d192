// REST shapes of the loyalty program, accounts, tiers and transactions, from Wix's own SDK types.
import type {
	LoyaltyAccountOriginal,
	QueryLoyaltyAccountsResponseOriginal,
	CreateAccountResponseOriginal,
	EarnPointsResponseOriginal,
	AdjustPointsResponseOriginal,
	ListAccountsResponseOriginal,
	SearchAccountsResponseOriginal,
	CountAccountsResponseOriginal,
	GetAccountBySecondaryIdResponseOriginal,
	GetProgramTotalsResponseOriginal,
} from '@wix/auto_sdk_loyalty_accounts/meta';
import type {
	LoyaltyProgramOriginal,
	GetLoyaltyProgramResponseOriginal,
	ActivateLoyaltyProgramResponseOriginal,
	UpdateLoyaltyProgramResponseOriginal,
	PauseLoyaltyProgramResponseOriginal,
} from '@wix/auto_sdk_loyalty_programs/meta';
import type {
	TierOriginal,
	ListTiersResponseOriginal,
	GetTiersProgramResponseOriginal,
	TiersProgramSettingsOriginal,
} from '@wix/auto_sdk_loyalty_tiers/meta';
import type {
	LoyaltyTransactionOriginal,
	QueryLoyaltyTransactionsResponseOriginal,
} from '@wix/auto_sdk_loyalty_transactions/meta';
import type { Rest } from '../core/types';

export type LoyaltyAccount = Rest<LoyaltyAccountOriginal>;
export type QueryLoyaltyAccountsResponse = Rest<QueryLoyaltyAccountsResponseOriginal>;
export type CreateAccountResponse = Rest<CreateAccountResponseOriginal>;
export type EarnPointsResponse = Rest<EarnPointsResponseOriginal>;
export type AdjustPointsResponse = Rest<AdjustPointsResponseOriginal>;
export type ListAccountsResponse = Rest<ListAccountsResponseOriginal>;
export type SearchAccountsResponse = Rest<SearchAccountsResponseOriginal>;
export type CountAccountsResponse = Rest<CountAccountsResponseOriginal>;
export type GetAccountBySecondaryIdResponse = Rest<GetAccountBySecondaryIdResponseOriginal>;
export type GetProgramTotalsResponse = Rest<GetProgramTotalsResponseOriginal>;
export type LoyaltyProgram = Rest<LoyaltyProgramOriginal>;
export type GetLoyaltyProgramResponse = Rest<GetLoyaltyProgramResponseOriginal>;
export type ActivateLoyaltyProgramResponse = Rest<ActivateLoyaltyProgramResponseOriginal>;
export type UpdateLoyaltyProgramResponse = Rest<UpdateLoyaltyProgramResponseOriginal>;
export type PauseLoyaltyProgramResponse = Rest<PauseLoyaltyProgramResponseOriginal>;
export type Tier = Rest<TierOriginal>;
export type ListTiersResponse = Rest<ListTiersResponseOriginal>;
export type GetTiersProgramResponse = Rest<GetTiersProgramResponseOriginal>;
export type TiersProgramSettings = Rest<TiersProgramSettingsOriginal>;
export type LoyaltyTransaction = Rest<LoyaltyTransactionOriginal>;
export type QueryLoyaltyTransactionsResponse = Rest<QueryLoyaltyTransactionsResponseOriginal>;
