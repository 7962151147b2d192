// REST shapes of Automations v2, from Wix's own SDK types.
import type {
	Automation as AutomationRest,
	CreateAutomationResponse as CreateAutomationResponseRest,
	QueryAutomationsResponse as QueryAutomationsResponseRest,
} from '@wix/auto_sdk_automations_automations-service-v-2/build/cjs/src/automations-v2-automation-automations-service-v-2.types';
import type { Rest } from '../core/types';

export type Automation = Rest<AutomationRest>;
export type CreateAutomationResponse = Rest<CreateAutomationResponseRest>;
export type QueryAutomationsResponse = Rest<QueryAutomationsResponseRest>;
