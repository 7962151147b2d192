/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What the editor asks our node for while a user fills it in: label and custom field lists, the
// searchable pickers of the resource locators, and the output schemas it shows before a run, through
// the same requests the editor makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { admin, wix } from '../helpers/sandbox';
import { API_KEY_CREDENTIAL, e2e } from './fixtures';

const { sandbox, n8n } = e2e();
const nodeTypeAndVersion = { name: 'n8n-nodes-wix-crm.wixContacts', version: 1 };
const credentials = { wixApiKeyApi: API_KEY_CREDENTIAL };

beforeAll(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName: 'VIP' });
	await wix(sandbox, 'POST', '/contacts/v4/extended-fields', {
		displayName: 'Plan',
		dataType: 'TEXT',
	});
	for (const first of ['Ada', 'Adele', 'Grace']) {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first }, emails: { items: [{ email: `${first.toLowerCase()}@e2e.test` }] } },
		});
	}
});

test('labels and custom fields load by display name, with keys as values', async () => {
	const params = { authentication: 'apiKey', resource: 'contact', operation: 'create' };
	const labels = await n8n.rest('POST', '/dynamic-node-parameters/options', {
		nodeTypeAndVersion,
		path: 'parameters.contactFields.labels',
		methodName: 'getLabels',
		currentNodeParameters: params,
		credentials,
	});
	expect(labels.data).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ name: 'VIP', value: 'custom.vip' }),
			expect.objectContaining({ name: 'Contacted Me', value: 'contacts.contacted-me' }),
		]),
	);
	const fields = await n8n.rest('POST', '/dynamic-node-parameters/options', {
		nodeTypeAndVersion,
		path: 'parameters.contactFields.customFields.field.key',
		methodName: 'getCustomFields',
		currentNodeParameters: params,
		credentials,
	});
	expect(fields.data).toEqual([{ name: 'Plan', value: 'custom.plan', description: 'TEXT' }]);
});

test('the contact picker searches by name or email', async () => {
	const found = await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion,
		path: 'parameters.contactId',
		methodName: 'searchContacts',
		filter: 'ad',
		currentNodeParameters: { authentication: 'apiKey', resource: 'contact', operation: 'get' },
		credentials,
	});
	expect(found.data.results.map((r: { name: string }) => r.name).sort()).toEqual([
		'Ada (ada@e2e.test)',
		'Adele (adele@e2e.test)',
	]);
});

test('the label, custom-field and merge-source pickers list and search through n8n', async () => {
	const search = async (
		resource: string,
		operation: string,
		path: string,
		methodName: string,
		filter?: string,
	) =>
		(
			await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion,
				path,
				methodName,
				filter,
				currentNodeParameters: { authentication: 'apiKey', resource, operation },
				credentials,
			})
		).data;
	const labels = await search('label', 'rename', 'parameters.key', 'searchLabels');
	expect(labels.results).toEqual([{ name: 'VIP', value: 'custom.vip' }]);
	const fields = await search(
		'customField',
		'delete',
		'parameters.key',
		'searchCustomFields',
		'pl',
	);
	expect(fields.results).toEqual([{ name: 'Plan', value: 'custom.plan' }]);
	const sources = await search(
		'contact',
		'merge',
		'parameters.sourceContactIds',
		'searchContacts',
		'grace',
	);
	expect(sources.results.map((r: { name: string }) => r.name)).toEqual(['Grace (grace@e2e.test)']);
});

test('n8n serves the output schemas this package ships, so the editor shows fields before a run', async () => {
	const shipped = [
		['wixContacts', 'Contacts', 'contact/get'],
		['wixContacts', 'Contacts', 'contact/getAll'],
		['wixContacts', 'Contacts', 'contact/create'],
		['wixContacts', 'Contacts', 'contact/update'],
		['wixContacts', 'Contacts', 'contact/upsert'],
		['wixMembers', 'Members', 'member/get'],
		['wixMembers', 'Members', 'member/getAll'],
		['wixLoyalty', 'Loyalty', 'account/get'],
		['wixWorkflows', 'Workflows', 'card/get'],
	];
	for (const [type, folder, path] of shipped) {
		// The editor's request: node type, version padded to x.y.z, resource, operation.
		const response = await fetch(`${n8n.url}/schemas/n8n-nodes-wix-crm.${type}/1.0.0/${path}.json`);
		expect([type, path, response.status]).toEqual([type, path, 200]);
		const file = join(__dirname, '../../nodes/Wix', folder, '__schema__/v1.0.0', `${path}.json`);
		expect(await response.json()).toEqual(JSON.parse(readFileSync(file, 'utf8')));
	}
	const none = await fetch(
		`${n8n.url}/schemas/n8n-nodes-wix-crm.wixContacts/1.0.0/contact/merge.json`,
	);
	expect(none.status).toBe(404);
});

test('both versions of the Wix Polling Trigger load', async () => {
	const descriptions = await n8n.rest('POST', '/node-types', {
		nodeInfos: [
			{ name: 'n8n-nodes-wix-crm.wixPollingTrigger', version: 1 },
			{ name: 'n8n-nodes-wix-crm.wixPollingTrigger', version: 1.1 },
		],
	});
	const list = descriptions.data ?? descriptions;
	expect(list).toHaveLength(2);
	for (const d of list)
		expect(d).toMatchObject({
			name: 'wixPollingTrigger',
			version: [1, 1.1],
			defaultVersion: 1.1,
		});
});
