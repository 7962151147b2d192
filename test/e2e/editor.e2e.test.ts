// What the editor asks our node for while a user fills it in: label and custom field lists, and the
// searchable contact list of the resource locator, through the same REST calls the editor makes.
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
