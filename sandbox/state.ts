// In-memory site state: contacts, labels, extended fields and who is a member, owner or payer.
import { randomUUID } from 'node:crypto';
import type { Contact, EmailSubscription, ExtendedField, Label } from './types';

export class SiteState {
	contacts = new Map<string, Contact>();
	/** Source contact ID -> target it was merged into (Get answers MERGED for these). */
	mergedInto = new Map<string, string>();
	memberContactIds = new Set<string>();
	ownerContactIds = new Set<string>();
	billingContactIds = new Set<string>();
	labels = new Map<string, Label>();
	fields = new Map<string, ExtendedField>();
	/** Email subscriptions by lower-cased email. */
	subscriptions = new Map<string, EmailSubscription>();
	/** What the site's backend function emailContact was asked to send. */
	sentEmails: Array<{ emailId: string; contactId: string; variables: Record<string, string>; status: 'SENT' | 'SKIPPED_UNSUBSCRIBED'; at: string }> = [];

	constructor() {
		this.addSystemLabelsAndFields();
	}

	/** Millisecond timestamps as Wix gives them: writes in the same millisecond share one. */
	now(): string {
		return new Date().toISOString();
	}

	newId(): string {
		return randomUUID();
	}

	private addSystemLabelsAndFields() {
		const created = '2020-01-01T00:00:00.000Z';
		for (const [key, displayName] of [
			['contacts.contacted-me', 'Contacted Me'],
			['contacts.customers', 'Customers'],
			['contacts.leads', 'Leads'],
		]) {
			this.labels.set(key, {
				key,
				displayName,
				namespace: 'contacts',
				namespaceDisplayName: 'Contacts',
				labelType: 'SYSTEM',
				createdDate: created,
				updatedDate: created,
			});
		}
		const system: Array<[string, string, ExtendedField['dataType']]> = [
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
		for (const [key, displayName, dataType] of system) {
			this.fields.set(key, {
				key,
				displayName,
				dataType,
				fieldType: 'SYSTEM',
				namespace: key.split('.')[0],
				createdDate: created,
				updatedDate: created,
			});
		}
	}
}

/** Wix's key rule for user labels and fields: `custom.` + the lower-cased name, other runs as `-`. */
export function customKey(displayName: string): string {
	const slug = displayName
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return `custom.${slug || 'field'}`;
}
