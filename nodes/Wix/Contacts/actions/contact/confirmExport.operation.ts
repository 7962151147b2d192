// Moves the export cursor past the contacts that reached this node, i.e. those the other system
// accepted. Passes its input items through unchanged.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { cursors, exportNameProperty } from './exportCursor';

const properties: INodeProperties[] = [
	exportNameProperty,
	{
		displayName: 'Contact ID',
		name: 'exportedContactId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		description:
			'The exported contact, usually an expression pointing back at the Get New Since Last Export node',
	},
	{
		displayName: 'Contact Created Date',
		name: 'exportedCreatedDate',
		type: 'string',
		required: true,
		default: '={{ $json.createdDate }}',
		description:
			'When the exported contact was created (its createdDate); the cursor moves to the newest one confirmed',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['confirmExport'] } },
	properties,
);

export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<Array<IDataObject | Error>> {
	const results: Array<IDataObject | Error> = [];
	const confirmed: Array<{ id: string; createdDate: string }> = [];
	let name = 'default';
	for (let i = 0; i < itemCount; i++) {
		name = String(this.getNodeParameter('exportName', i, 'default'));
		const id = String(this.getNodeParameter('exportedContactId', i, '') ?? '');
		const createdDate = String(this.getNodeParameter('exportedCreatedDate', i, '') ?? '');
		if (!id || Number.isNaN(Date.parse(createdDate))) {
			results.push(
				new NodeOperationError(
					this.getNode(),
					'Contact ID or Contact Created Date is missing or not a date',
					{
						itemIndex: i,
						description:
							"Point both at the contact from Get New Since Last Export, e.g. {{ $('New Contacts').item.json.createdDate }}",
					},
				),
			);
			continue;
		}
		confirmed.push({ id, createdDate });
		results.push(this.getInputData()[i].json);
	}
	if (confirmed.length) {
		const all = cursors(this);
		const newest = confirmed.reduce(
			(max, c) => (c.createdDate > max ? c.createdDate : max),
			all[name]?.createdDate ?? '',
		);
		const carried = all[name]?.createdDate === newest ? all[name].ids : [];
		all[name] = {
			createdDate: newest,
			ids: [
				...new Set([
					...carried,
					...confirmed.filter((c) => c.createdDate === newest).map((c) => c.id),
				]),
			],
		};
	}
	return results;
}
