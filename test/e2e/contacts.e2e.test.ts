/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Wix Contacts node in a real n8n: import credentials and a workflow with n8n's CLI, execute it,
// check what n8n returned and what the sandbox now holds.
import { admin, wix } from '../helpers/sandbox';
import {
	API_KEY_CREDENTIAL,
	BAD_KEY_CREDENTIAL,
	e2e,
	manualWorkflow,
	nodeOutput,
	OAUTH_CREDENTIAL,
} from './fixtures';

const { sandbox, n8n } = e2e();
const TYPE = 'n8n-nodes-wix-crm.wixContacts';
const rlExpr = (expr: string) => ({ __rl: true, mode: 'id', value: `={{ ${expr} }}` });

const workflow = manualWorkflow;

function wixNode(
	name: string,
	parameters: Record<string, unknown>,
	credential = API_KEY_CREDENTIAL,
	extra: Record<string, unknown> = {},
) {
	const credentialType = credential === OAUTH_CREDENTIAL ? 'wixOAuth2Api' : 'wixApiKeyApi';
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			...(credential === OAUTH_CREDENTIAL ? { authentication: 'oAuth2' } : {}),
			resource: 'contact',
			...parameters,
		},
		credentials: { [credentialType]: credential },
		...extra,
	};
}

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

test('n8n loads our nodes and credentials from the installed package', async () => {
	const cookie = await n8n.session();
	const types = await fetch(`${n8n.url}/types/nodes.json`, { headers: { Cookie: cookie } }).then(
		(r) => r.json() as Promise<Array<{ name: string }>>,
	);
	const names = types.map((t: { name: string }) => t.name);
	expect(names).toEqual(
		expect.arrayContaining(['n8n-nodes-wix-crm.wixContacts', 'n8n-nodes-wix-crm.wixContactsTool']),
	);
	const credentialTypes = await fetch(`${n8n.url}/types/credentials.json`, {
		headers: { Cookie: cookie },
	}).then((r) => r.json() as Promise<Array<{ name: string }>>);
	expect(credentialTypes.map((c: { name: string }) => c.name)).toEqual(
		expect.arrayContaining(['wixApiKeyApi', 'wixOAuth2Api']),
	);
});

test('create, update, get, list and delete a contact with the API key credential', async () => {
	await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Existing' } } });
	const { id, body } = workflow(
		'Contacts round trip',
		[
			wixNode('Create', {
				operation: 'create',
				contactFields: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@e2e.test' },
			}),
			wixNode('Update', {
				operation: 'update',
				contactId: rlExpr('$json.id'),
				updateFields: { company: 'Analytical Engines' },
			}),
			wixNode('Get', { operation: 'get', contactId: rlExpr('$json.id') }),
			wixNode('List', { operation: 'getAll', returnAll: true }),
			wixNode(
				'Delete',
				{ operation: 'delete', contactId: rlExpr("$('Get').first().json.id") },
				API_KEY_CREDENTIAL,
				{ executeOnce: true },
			),
		],
		{ Start: ['Create'], Create: ['Update'], Update: ['Get'], Get: ['List'], List: ['Delete'] },
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();

	const [created] = nodeOutput(run, 'Create');
	expect(created).toMatchObject({
		revision: 1,
		primaryInfo: { email: 'ada@e2e.test' },
		info: { name: { first: 'Ada', last: 'Lovelace' } },
	});
	expect(nodeOutput(run, 'Update')[0]).toMatchObject({
		id: created.id,
		revision: 2,
		info: { company: 'Analytical Engines' },
	});
	expect(nodeOutput(run, 'Get')[0]).toMatchObject({
		id: created.id,
		info: { company: 'Analytical Engines' },
	});
	const listed = nodeOutput(run, 'List');
	expect(listed.map((c) => c.info.name.first).sort()).toEqual(['Ada', 'Existing']);
	expect(nodeOutput(run, 'Delete')).toEqual([{ deleted: true, contactId: created.id }]);

	const state = await admin(sandbox, 'GET', '/state');
	expect(state.contacts.map((c: any) => c.info.name.first)).toEqual(['Existing']);
});

test('OAuth2 credential mints a token, and a member contact fails alone under Continue On Fail', async () => {
	const regular = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Regular' } } })
	).body.contact;
	const member = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Member' } } })
	).body.contact;
	await admin(sandbox, 'POST', `/contacts/${member.id}/role`, { member: true });
	await admin(sandbox, 'DELETE', '/requests');

	const { id, body } = workflow(
		'Delete with continue on fail',
		[
			wixNode(
				'List',
				{
					operation: 'getAll',
					returnAll: true,
					options: { sortField: 'createdDate', sortOrder: 'ASC' },
				},
				OAUTH_CREDENTIAL,
			),
			wixNode('Delete', { operation: 'delete', contactId: rlExpr('$json.id') }, OAUTH_CREDENTIAL, {
				onError: 'continueRegularOutput',
			}),
		],
		{ Start: ['List'], List: ['Delete'] },
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);

	const deleted = nodeOutput(run, 'Delete');
	expect(deleted).toHaveLength(2);
	expect(deleted[0]).toEqual({ deleted: true, contactId: regular.id });
	expect(deleted[1]).toMatchObject({ code: 'CANNOT_DELETE_MEMBER', httpCode: '428' });
	expect(deleted[1].error).toMatch(/site member/);

	const { requests } = await admin(sandbox, 'GET', '/requests');
	const wixCalls = requests.filter((r: any) => r.endpoint !== 'POST /oauth2/token');
	expect(wixCalls.length).toBe(3);
	expect(wixCalls.every((r: any) => r.auth === 'app')).toBe(true);
	const state = await admin(sandbox, 'GET', '/state');
	expect(state.contacts.map((c: any) => c.id)).toEqual([member.id]);
});

test('a wrong API key fails the execution with Wix’s message and changes nothing', async () => {
	const { id, body } = workflow(
		'Wrong key',
		[
			wixNode(
				'Create',
				{ operation: 'create', contactFields: { firstName: 'Nope' } },
				BAD_KEY_CREDENTIAL,
			),
		],
		{
			Start: ['Create'],
		},
	);
	await n8n.importWorkflow(body);
	const run = await n8n
		.execute(id)
		.catch((error) => ({ failed: String(error.stdout ?? error.message) }));
	const text = JSON.stringify(run);
	expect(text).toMatch(/Invalid API key or access token/);
	expect(text).toMatch(/UNAUTHENTICATED/);
	expect((await admin(sandbox, 'GET', '/state')).contacts).toHaveLength(0);
});

test('OAuth2: n8n stores the token, reuses it across executions and re-mints it after Wix expires it', async () => {
	await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Someone' } } });
	const { id, body } = workflow(
		'OAuth token reuse',
		[wixNode('List', { operation: 'getAll', returnAll: true }, OAUTH_CREDENTIAL)],
		{ Start: ['List'] },
	);
	await n8n.importWorkflow(body);
	const endpoints = async () =>
		(await admin(sandbox, 'GET', '/requests')).requests.map(
			(r: any) => `${r.endpoint} ${r.status}`,
		);

	await n8n.execute(id);
	await admin(sandbox, 'DELETE', '/requests');
	const again = await n8n.execute(id);
	expect(nodeOutput(again, 'List')).toHaveLength(1);
	expect(await endpoints()).toEqual(['POST /contacts/v4/contacts/query 200']);

	await admin(sandbox, 'POST', '/tokens/expire');
	await admin(sandbox, 'DELETE', '/requests');
	const renewed = await n8n.execute(id);
	expect(nodeOutput(renewed, 'List')).toHaveLength(1);
	expect(await endpoints()).toEqual([
		'POST /contacts/v4/contacts/query 401',
		'POST /oauth2/token 200',
		'POST /contacts/v4/contacts/query 200',
	]);
});
