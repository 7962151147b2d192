// One account-level API key in real n8n: its credential test lists the account's sites, the Site
// picker lists them through the editor's REST call, and two nodes of one workflow write to the two
// sites they picked.
import { admin } from '../helpers/sandbox';
import { e2e, manualWorkflow, nodeOutput } from './fixtures';

const { sandbox, n8n } = e2e();
const { creds } = sandbox;
const ACCOUNT_CREDENTIAL = { id: 'wixSandboxAccKey', name: 'Wix sandbox (all sites)' };
const accountData = (overrides: Record<string, unknown> = {}) => ({
	access: 'account',
	apiKey: creds.accountApiKey,
	accountId: creds.accountId,
	baseUrl: sandbox.url,
	requestsPerMinute: 0,
	...overrides,
});

const rl = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: value });

let siteB: string;
beforeAll(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	siteB = (await admin(sandbox, 'POST', '/sites', { displayName: 'Second Shop' })).site.id;
	await n8n.importCredentials([
		{ ...ACCOUNT_CREDENTIAL, type: 'wixApiKeyApi', data: accountData() },
	]);
});

/** The contacts' first names on a site, read with the account key. */
async function firstNames(site: string): Promise<string[]> {
	const response = await fetch(`${sandbox.url}/contacts/v4/contacts/query`, {
		method: 'POST',
		headers: {
			Authorization: creds.accountApiKey,
			'wix-site-id': site,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({ query: { sort: [{ fieldName: 'createdDate', order: 'ASC' }] } }),
	});
	const body = (await response.json()) as {
		contacts: Array<{ info?: { name?: { first?: string } } }>;
	};
	return body.contacts.map((c) => String(c.info?.name?.first));
}

function contactsNode(name: string, parameters: Record<string, unknown>, x: number) {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: 'n8n-nodes-wix-crm.wixContacts',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { wixApiKeyApi: ACCOUNT_CREDENTIAL },
	};
}

test('the credential test lists the account’s sites, and a wrong Account ID says what to fix', async () => {
	const testWith = async (data: Record<string, unknown>) =>
		(
			await n8n.rest('POST', '/credentials/test', {
				credentials: { ...ACCOUNT_CREDENTIAL, type: 'wixApiKeyApi', data },
			})
		).data as { status: string; message: string };
	expect(await testWith(accountData())).toMatchObject({ status: 'OK' });
	const wrong = await testWith(accountData({ accountId: '00000000-0000-4000-8000-000000000000' }));
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toMatch(/Account ID must be the key’s account/);
});

test('the Site picker lists the account’s sites through the editor’s call', async () => {
	const { data } = await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: 'n8n-nodes-wix-crm.wixContacts', version: 1 },
		path: 'parameters.site',
		methodName: 'searchSites',
		filter: '',
		currentNodeParameters: { authentication: 'apiKey', resource: 'contact', operation: 'create' },
		credentials: { wixApiKeyApi: ACCOUNT_CREDENTIAL },
	});
	expect(data.results).toEqual([
		expect.objectContaining({ name: 'Wix Sandbox Site', value: creds.siteId }),
		expect.objectContaining({ name: 'Second Shop', value: siteB }),
	]);
});

test('two Wix Contacts nodes on one account credential write to the sites they picked', async () => {
	const create = (first: string, site: string) => ({
		site: rl(site),
		resource: 'contact',
		operation: 'create',
		contactFields: { firstName: first },
	});
	const { id, body } = manualWorkflow(
		'Sites: one account, two sites',
		[
			contactsNode('On Site A', create('Ann', creds.siteId), 200),
			contactsNode('On Site B', create('Ben', siteB), 400),
		],
		{ Start: ['On Site A'], 'On Site A': ['On Site B'] },
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();
	expect(nodeOutput(run, 'On Site A')[0]).toMatchObject({ info: { name: { first: 'Ann' } } });
	expect(nodeOutput(run, 'On Site B')[0]).toMatchObject({ info: { name: { first: 'Ben' } } });
	expect(await firstNames(creds.siteId)).toEqual(['Ann']);
	expect(await firstNames(siteB)).toEqual(['Ben']);
});

test('a node without a Site fails its item, naming the parameter', async () => {
	const { id, body } = manualWorkflow(
		'Sites: no site picked',
		[
			{
				...contactsNode('No Site', { resource: 'contact', operation: 'getAll', limit: 1 }, 200),
				onError: 'continueRegularOutput',
			},
		],
		{ Start: ['No Site'] },
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(nodeOutput(run, 'No Site')[0].error).toMatch(/^Site is required/);
});
