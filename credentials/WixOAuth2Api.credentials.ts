import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

const DEFAULT_BASE_URL = 'https://www.wixapis.com';

/**
 * What a token was minted for: base URL, app ID, instance ID and secret, hashed so the secret is
 * not kept a second time. A token minted for other values is not this credential's token any more.
 */
export function wixTokenFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const minted = [baseUrl, credentials.appId, credentials.instanceId, credentials.appSecret];
	return createHash('sha256')
		.update(JSON.stringify(minted.map((value) => String(value ?? ''))))
		.digest('base64url');
}

export class WixOAuth2Api implements ICredentialType {
	name = 'wixOAuth2Api';

	displayName = 'Wix OAuth2 API';

	icon = { light: 'file:wix.svg', dark: 'file:wix.dark.svg' } as const;

	documentationUrl =
		'https://dev.wix.com/docs/build-apps/develop-your-app/access/authentication/about-oauth';

	properties: INodeProperties[] = [
		{
			// Minted by preAuthentication, stored by n8n and re-minted when Wix answers 401.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// Stored with each token. n8n keeps the token when the credential is edited, so the nodes
			// compare this with the credential and have a new token minted when it no longer matches.
			displayName: 'Token Fingerprint',
			name: 'tokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			required: true,
			default: '',
			description: 'From your app in the Wix Dev Center, under OAuth',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Instance ID',
			name: 'instanceId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of your app’s installation on the site',
		},
		{
			displayName: 'App Public Key',
			name: 'publicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description:
				'From the Webhooks page of your app (PEM, or its one-line base64 form). Used to verify signed webhooks.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.wixapis.com',
			description: 'Change only to point the nodes at a local Wix sandbox',
		},
		{
			displayName: 'Max Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 200,
			description:
				'Wix allows about 200 requests per minute per site. The nodes pace themselves to this number; 0 turns pacing off.',
		},
	];

	// n8n's generic OAuth2 client form-encodes the token request and signs with "Bearer"; Wix wants
	// a JSON body carrying instance_id and the raw token in Authorization.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth2/token`,
			headers: { 'Content-Type': 'application/json' },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.appId,
				client_secret: credentials.appSecret,
				instance_id: credentials.instanceId,
			},
			json: true,
		})) as { access_token?: string };
		return {
			accessToken: response.access_token ?? '',
			tokenFingerprint: wixTokenFingerprint(credentials),
		};
	}

	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { Authorization: '={{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/apps/v1/instance',
		},
		// n8n shows only the HTTP reason phrase for a failed test, so each status gets Wix's meaning.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Wix refused the token request (400): check the Instance ID, the app must be installed on the site with that instance',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Wix did not accept the App ID or App Secret (401): copy them again from the OAuth page of your app in the Wix Dev Center',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The app lacks a permission this check needs (403): review the app’s permissions in the Wix Dev Center',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nothing answered at this API Base URL (404): leave it at https://www.wixapis.com unless you use the sandbox',
				},
			},
		],
	};
}
