import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as contact from './contact';
import * as customField from './customField';
import * as emailSubscription from './emailSubscription';
import * as label from './label';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		contact: {
			addLabels: contact.addLabels,
			confirmExport: contact.confirmExport,
			create: contact.create,
			delete: contact.delete,
			get: contact.get,
			getAll: contact.getAll,
			getNewSinceExport: contact.getNewSinceExport,
			merge: contact.merge,
			removeLabels: contact.removeLabels,
			sendTriggeredEmail: contact.sendTriggeredEmail,
			update: contact.update,
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
