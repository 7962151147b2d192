// The credential "Test" buttons, through the same REST call the n8n editor makes.
import { API_KEY_CREDENTIAL, e2e, OAUTH_CREDENTIAL } from './fixtures';

const { sandbox, n8n } = e2e();
const { creds } = sandbox;

// The editor tests the credential being edited; n8n only tests one the user can access.
async function testCredential(type: string, data: Record<string, unknown>) {
	const saved = type === 'wixApiKeyApi' ? API_KEY_CREDENTIAL : OAUTH_CREDENTIAL;
	const result = await n8n.rest('POST', '/credentials/test', {
		credentials: { ...saved, type, data },
	});
	return result.data as { status: string; message: string };
}

const apiKey = (overrides: Record<string, unknown> = {}) => ({
	apiKey: creds.apiKey,
	siteId: creds.siteId,
	baseUrl: sandbox.url,
	requestsPerMinute: 200,
	...overrides,
});
const oauth = (overrides: Record<string, unknown> = {}) => ({
	accessToken: '',
	appId: creds.appId,
	appSecret: creds.appSecret,
	instanceId: creds.instanceId,
	publicKey: '',
	baseUrl: sandbox.url,
	requestsPerMinute: 200,
	...overrides,
});

test('Wix API Key: a good key passes; a wrong key, site or URL says what to fix', async () => {
	expect(await testCredential('wixApiKeyApi', apiKey())).toMatchObject({ status: 'OK' });
	const badKey = await testCredential('wixApiKeyApi', apiKey({ apiKey: 'wrong' }));
	expect(badKey.status).toBe('Error');
	expect(badKey.message).toMatch(/did not accept the API key \(401/);
	const badSite = await testCredential('wixApiKeyApi', apiKey({ siteId: 'someone-elses-site' }));
	expect(badSite.status).toBe('Error');
	expect(badSite.message).toMatch(/Site ID must belong to the API key’s account/);
	const badUrl = await testCredential(
		'wixApiKeyApi',
		apiKey({ baseUrl: `${sandbox.url}/nowhere` }),
	);
	expect(badUrl.message).toMatch(/API Base URL \(404/);
});

test('Wix OAuth2: good app credentials pass; a wrong secret or instance says what to fix', async () => {
	expect(await testCredential('wixOAuth2Api', oauth())).toMatchObject({ status: 'OK' });
	const badSecret = await testCredential('wixOAuth2Api', oauth({ appSecret: 'wrong' }));
	expect(badSecret.status).toBe('Error');
	expect(badSecret.message).toMatch(/App ID or App Secret \(401/);
	const badInstance = await testCredential('wixOAuth2Api', oauth({ instanceId: 'not-installed' }));
	expect(badInstance.status).toBe('Error');
	expect(badInstance.message).toMatch(/check the Instance ID/);
});
