// What a wrong API key, site ID or app credential looks like to the user, through the Wix Contacts node.
import { runNode } from '../helpers/executeContext';
import { contactsNode } from '../helpers/contactsNode';
import { admin, apiKeyCredentials, oauthCredentials, useTestSandbox } from '../helpers/sandbox';

const sandbox = useTestSandbox();
const { node } = contactsNode(sandbox);

describe('credentials', () => {
	it('a wrong API key fails with 401 and a hint about the credential', async () => {
		const error = await runNode({
			node,
			parameters: { resource: 'contact', operation: 'getAll', limit: 1 },
			credentials: apiKeyCredentials(sandbox, { apiKey: 'wrong' }),
		}).catch((e) => e);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/Invalid API key.*UNAUTHENTICATED/);
		expect(error.description).toMatch(/credential/);
	});

	it('a wrong site ID fails with 403 naming the site', async () => {
		const error = await runNode({
			node,
			parameters: { resource: 'contact', operation: 'getAll', limit: 1 },
			credentials: apiKeyCredentials(sandbox, { siteId: 'other-site' }),
		}).catch((e) => e);
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/other-site/);
	});

	it('a key without the manage permission can read but not write', async () => {
		const { key } = await admin(sandbox, 'POST', '/api-keys', { permissions: ['read'] });
		const credentials = apiKeyCredentials(sandbox, { apiKey: key });
		await expect(
			runNode({
				node,
				parameters: { resource: 'contact', operation: 'getAll', limit: 1 },
				credentials,
			}),
		).resolves.toBeDefined();
		await expect(
			runNode({
				node,
				parameters: { resource: 'contact', operation: 'create', contactFields: { firstName: 'X' } },
				credentials,
			}),
		).rejects.toThrow(/PERMISSION_DENIED/);
	});

	it('OAuth: mints a token with a JSON body, sends it raw, and re-mints it once it expires', async () => {
		const first = await runNode({
			node,
			parameters: {
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Oauth' },
			},
			credentials: oauthCredentials(sandbox),
		});
		const tokenCall = first.requests[0];
		expect(tokenCall.url).toBe(`${sandbox.url}/oauth2/token`);
		expect(tokenCall.body).toEqual({
			grant_type: 'client_credentials',
			client_id: sandbox.creds.appId,
			client_secret: sandbox.creds.appSecret,
			instance_id: sandbox.creds.instanceId,
		});
		const token = String(first.credentials.accessToken);
		expect(first.requests[1].headers.Authorization).toBe(token);
		expect(first.output[0].json.source).toEqual({
			sourceType: 'WIX_APP',
			appId: sandbox.creds.appId,
		});

		await admin(sandbox, 'POST', '/tokens/expire');
		const second = await runNode({
			node,
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
			credentials: oauthCredentials(sandbox, {
				accessToken: token,
				tokenFingerprint: first.credentials.tokenFingerprint,
			}),
		});
		expect(second.output).toHaveLength(1);
		expect(second.requests.map((r) => r.url.replace(sandbox.url, '').split('?')[0])).toEqual([
			'/contacts/v4/contacts/query',
			'/oauth2/token',
			'/contacts/v4/contacts/query',
		]);
		expect(second.credentials.accessToken).not.toBe(token);
	});

	it('OAuth: a wrong secret or instance fails with Wix’s message', async () => {
		await expect(
			runNode({
				node,
				parameters: { resource: 'contact', operation: 'getAll', limit: 1 },
				credentials: oauthCredentials(sandbox, { appSecret: 'nope' }),
			}),
		).rejects.toThrow(/Invalid client_id or client_secret|401/);
		await expect(
			runNode({
				node,
				parameters: { resource: 'contact', operation: 'getAll', limit: 1 },
				credentials: oauthCredentials(sandbox, { instanceId: 'nope' }),
			}),
		).rejects.toThrow(/INVALID_INSTANCE_ID|400/);
	});
});
