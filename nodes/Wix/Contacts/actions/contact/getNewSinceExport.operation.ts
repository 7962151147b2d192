import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readContactsByCreation } from '../../../contact/lookup';
import { cursors, exportNameProperty } from './exportCursor';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns contacts created since the last Confirm Export with the same Export Name (everything on the first run), oldest first. Runs started by hand in the editor do not save the cursor; scheduled and triggered runs do.',
		name: 'exportNotice',
		type: 'notice',
		default: '',
	},
	exportNameProperty,
	{
		displayName: 'Settle Delay (Seconds)',
		name: 'settleSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description:
			'Contacts younger than this wait for the next run, so ones Wix is still indexing are not skipped',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getNewSinceExport'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const name = String(this.getNodeParameter('exportName', i, 'default'));
	const settle = Number(this.getNodeParameter('settleSeconds', i, 10)) * 1000;
	const cursor = cursors(this)[name];
	const before = new Date(Date.now() - settle).toISOString();
	const created: IDataObject = { $lt: before };
	if (cursor) created.$gte = cursor.createdDate;
	const contacts = await readContactsByCreation(this, { createdDate: created }, 'ASC', i);
	// Contacts at the cursor's own timestamp that were already confirmed are not sent again.
	return contacts.filter(
		(c) => !(cursor && c.createdDate === cursor.createdDate && cursor.ids.includes(String(c.id))),
	) as IDataObject[];
}
