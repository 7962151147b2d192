// The site's contact labels, starting with the system labels every Wix site has.
import type { Label } from './types';

export interface LabelsState {
	labels: Map<string, Label>;
}

const SYSTEM_CREATED = '2020-01-01T00:00:00.000Z';

export function labelsState(): LabelsState {
	const labels = new Map<string, Label>();
	for (const [key, displayName] of [
		['contacts.contacted-me', 'Contacted Me'],
		['contacts.customers', 'Customers'],
		['contacts.leads', 'Leads'],
	]) {
		labels.set(key, {
			key,
			displayName,
			namespace: 'contacts',
			namespaceDisplayName: 'Contacts',
			labelType: 'SYSTEM',
			createdDate: SYSTEM_CREATED,
			updatedDate: SYSTEM_CREATED,
		});
	}
	return { labels };
}
