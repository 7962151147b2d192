/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Editing a saved Wix OAuth2 credential in a real n8n, through the REST calls the editor makes: the
// next run must use a token for what the credential now says, not the one stored before the edit.
import { admin } from '../helpers/sandbox';
import { e2e, manualWorkflow, nodeOutput } from './fixtures';

const { sandbox, n8n } = e2e();
const { creds } = sandbox;

/** What the editor sends of a form: only the values that differ from the property's default. */
async function withoutDefaults(data: Record<string, unknown>) {
	const cookie = await n8n.session();
	const types = (await fetch(`${n8n.url}/types/credentials.json`, {
		headers: { Cookie: cookie },
	}).then((r) => r.json())) as Array<{ name: string; properties: any[] }>;
	const { properties } = types.find((t) => t.name === 'wixOAuth2Api')!;
	const defaults = Object.fromEntries(properties.map((p) => [p.name, p.default]));
	return Object.fromEntries(
		Object.entries({ ...defaults, ...data }).filter(([key, value]) => value !== defaults[key]),
	);
}

/** The editor's Save on an open credential: it loads the data (secrets redacted), edits, PATCHes. */
async function editInEditor(id: string, changes: Record<string, unknown>) {
	const loaded = (await n8n.rest('GET', `/credentials/${id}?includeData=true`)).data;
	const data = await withoutDefaults({ ...loaded.data, ...changes });
	await n8n.rest('PATCH', `/credentials/${id}`, {
		id,
		name: loaded.name,
		type: loaded.type,
		data,
		isGlobal: false,
		isResolvable: false,
	});
	return loaded.data as Record<string, unknown>;
}

const siteA = '';
// Token mints and contact creates; the first write on a site also sets up the nodes' custom field.
// Only the app's calls: other files' published workflows use API keys and may still be calling
// (an Automation-mode trigger being removed after its file ended showed up here once).
const endpoints = async (site: string) =>
	(await admin(sandbox, 'GET', `${site}/requests`)).requests
		.filter((r: any) => r.auth !== 'apiKey')
		.map((r: any) => `${r.endpoint} ${r.status}`)
		.filter((call: string) => !call.includes('/extended-fields'));
const contactNames = async (site: string) =>
	(await admin(sandbox, 'GET', `${site}/state`)).contacts.map((c: any) => c.info.name.first);

test('an OAuth2 credential edited to another instance sends the next run to that site, with a new token', async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const b = await admin(sandbox, 'POST', '/instances', {});
	const siteB = `/instances/${b.instanceId}`;

	const created = (
		await n8n.rest('POST', '/credentials', {
			name: 'Wix app (edited)',
			type: 'wixOAuth2Api',
			data: await withoutDefaults({
				appId: creds.appId,
				appSecret: creds.appSecret,
				instanceId: creds.instanceId,
				baseUrl: sandbox.url,
			}),
		})
	).data;
	const credential = { id: created.id, name: created.name };

	const create = (first: string) => ({
		id: 'create',
		name: 'Create',
		type: 'n8n-nodes-wix-crm.wixContacts',
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			authentication: 'oAuth2',
			resource: 'contact',
			operation: 'create',
			contactFields: { firstName: first },
		},
		credentials: { wixOAuth2Api: credential },
	});
	const run = async (first: string) => {
		const { id, body } = manualWorkflow(`OAuth2 edit ${first}`, [create(first)], {
			Start: ['Create'],
		});
		await n8n.importWorkflow(body);
		return await n8n.execute(id).catch((error) => ({ failed: String(error.stdout ?? error) }));
	};

	expect(nodeOutput(await run('OnA'), 'Create')).toHaveLength(1);
	expect(await contactNames(siteA)).toEqual(['OnA']);
	expect(await endpoints(siteA)).toEqual([
		'POST /oauth2/token 200',
		'POST /contacts/v4/contacts 200',
	]);

	const loaded = await editInEditor(created.id, { instanceId: b.instanceId });
	// The editor never sees the secret or the token in clear.
	expect(Object.values(loaded)).not.toContain(creds.appSecret);
	expect(JSON.stringify(loaded)).not.toMatch(/OAUTH2\./);
	await admin(sandbox, 'DELETE', '/requests');

	expect(nodeOutput(await run('OnB'), 'Create')).toHaveLength(1);
	expect(await contactNames(siteB)).toEqual(['OnB']);
	expect(await contactNames(siteA)).toEqual(['OnA']);
	expect(await endpoints(siteB)).toEqual([
		'POST /oauth2/token 200',
		'POST /contacts/v4/contacts 200',
	]);
	expect(await endpoints(siteA)).toEqual([]);

	// The new token is stored: the run after needs no mint.
	await admin(sandbox, 'DELETE', `${siteB}/requests`);
	expect(nodeOutput(await run('AgainOnB'), 'Create')).toHaveLength(1);
	expect(await endpoints(siteB)).toEqual(['POST /contacts/v4/contacts 200']);

	// A changed secret is checked at once too: a wrong one fails the run instead of going on with
	// the token minted under the old one.
	await editInEditor(created.id, { appSecret: 'not-the-secret' });
	await admin(sandbox, 'DELETE', `${siteB}/requests`);
	const refused = JSON.stringify(await run('Never'));
	expect(refused).toMatch(/Invalid client_id or client_secret/);
	expect(await contactNames(siteB)).toEqual(['OnB', 'AgainOnB']);
	expect(await endpoints(siteB)).not.toContain('POST /contacts/v4/contacts 200');
});
