// Wix has no public REST endpoint for triggered emails, so this calls the site's own backend
// function (velo/http-functions.js in this repository), which runs wix-crm-backend's emailContact.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as siteBackendApi from '../../../api/siteBackend';
import { contactLocator, resolveContactId } from '../../../contact/locator';
import { siteFunctionRequest } from '../../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Needs the backend file velo/http-functions.js on your Wix site and a Wix Site Backend credential with the site URL and the shared secret. See the node docs.',
		name: 'siteFunctionNotice',
		type: 'notice',
		default: '',
	},
	contactLocator,
	{
		displayName: 'Triggered Email ID',
		name: 'emailId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. RgTH5Xp',
		description:
			'The ID shown in the code snippet of the triggered email (Marketing → Triggered Emails)',
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Variable',
		description: 'Values for the email’s variables; missing ones fall back to the email’s defaults',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['sendTriggeredEmail'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contactId = await resolveContactId(this, 'contactId', i);
	const emailId = String(this.getNodeParameter('emailId', i)).trim();
	if (!emailId) {
		throw new NodeOperationError(this.getNode(), 'No Triggered Email ID given', {
			itemIndex: i,
			description: 'Copy the ID from the email’s code snippet',
		});
	}
	const variables: Record<string, string> = {};
	for (const v of (
		this.getNodeParameter('variables', i, {}) as {
			variable?: Array<{ name: string; value: unknown }>;
		}
	).variable ?? []) {
		if (v.name)
			variables[v.name] = v.value === undefined || v.value === null ? '' : String(v.value);
	}
	const response = await siteFunctionRequest(
		this,
		'emailContact',
		{ emailId, contactId, variables },
		i,
		siteBackendApi.errors,
	);
	return { contactId, emailId, ...response };
}
