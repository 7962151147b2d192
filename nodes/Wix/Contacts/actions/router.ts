import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as contact from './contact';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		contact: {
			create: contact.create.execute,
			delete: contact.delete.execute,
			get: contact.get.execute,
			getAll: contact.getAll.execute,
			update: contact.update.execute,
		},
	});
}
