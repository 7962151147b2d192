// The site's extended (custom) contact fields, starting with the system fields every Wix site has.
import type { ExtendedField } from './types';

export interface ExtendedFieldsState {
	fields: Map<string, ExtendedField>;
}

const SYSTEM_CREATED = '2020-01-01T00:00:00.000Z';

const SYSTEM_FIELDS: Array<[string, string, ExtendedField['dataType']]> = [
	['contacts.displayByFirstName', 'Display Name (First Last)', 'TEXT'],
	['contacts.displayByLastName', 'Display Name (Last First)', 'TEXT'],
	['invoices.vatId', 'VAT ID', 'TEXT'],
	['members.membershipStatus', 'Membership Status', 'TEXT'],
	['members.mobile', 'Mobile Member', 'TEXT'],
	['ecom.numOfPurchases', 'Number of Purchases', 'NUMBER'],
	['ecom.totalSpentAmount', 'Total Spent Amount', 'NUMBER'],
	['ecom.totalSpentCurrency', 'Total Spent Currency', 'TEXT'],
	['ecom.lastPurchaseDate', 'Last Purchase Date', 'DATE'],
	['emailSubscriptions.subscriptionStatus', 'Effective Subscription Status', 'TEXT'],
	['emailSubscriptions.deliverabilityStatus', 'Email Deliverability Status', 'TEXT'],
	['emailSubscriptions.effectiveEmail', 'Effective Email', 'TEXT'],
];

export function extendedFieldsState(): ExtendedFieldsState {
	const fields = new Map<string, ExtendedField>();
	for (const [key, displayName, dataType] of SYSTEM_FIELDS) {
		fields.set(key, {
			key,
			displayName,
			dataType,
			fieldType: 'SYSTEM',
			namespace: key.split('.')[0],
			createdDate: SYSTEM_CREATED,
			updatedDate: SYSTEM_CREATED,
		});
	}
	return { fields };
}
