import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { contactKeyOf, newContactKeyOf } from '../../contact/locator';
import { route } from '../../shared/router';
import * as contact from './contact';
import * as customField from './customField';
import * as emailSubscription from './emailSubscription';
import * as label from './label';

// Operations with a concurrency key run several items at once when Continue On Fail is on (see
// shared/router.ts); items about the same contact still run in order.
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		contact: {
			addLabels: { ...contact.addLabels, concurrencyKey: contactKeyOf },
			confirmExport: contact.confirmExport,
			create: { ...contact.create, concurrencyKey: newContactKeyOf },
			delete: { ...contact.delete, concurrencyKey: contactKeyOf },
			get: { ...contact.get, concurrencyKey: contactKeyOf },
			getAll: contact.getAll,
			getNewSinceExport: contact.getNewSinceExport,
			merge: contact.merge,
			removeLabels: { ...contact.removeLabels, concurrencyKey: contactKeyOf },
			sendTriggeredEmail: contact.sendTriggeredEmail,
			update: { ...contact.update, concurrencyKey: contactKeyOf },
			upsert: contact.upsert,
		},
		label: {
			findOrCreate: label.findOrCreate,
			getAll: label.getAll,
			rename: label.rename,
			delete: label.delete,
		},
		customField: {
			findOrCreate: customField.findOrCreate,
			getAll: customField.getAll,
			rename: customField.rename,
			delete: customField.delete,
		},
		emailSubscription: {
			getAll: emailSubscription.getAll,
			upsert: emailSubscription.upsert,
			bulkUpsert: emailSubscription.bulkUpsert,
		},
	});
}
