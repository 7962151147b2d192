import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class WixApiKeyApi implements ICredentialType {
	name = 'wixApiKeyApi';

	displayName = 'Wix API Key API';

	icon = { light: 'file:wix.svg', dark: 'file:wix.dark.svg' } as const;

	documentationUrl =
		'https://dev.wix.com/docs/go-headless/develop-your-project/admin-operations/generate-an-api-key';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created in the API Keys Manager of your Wix account, with the Contacts and CRM permissions you need',
		},
		{
			displayName: 'Site ID',
			name: 'siteId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1a2b3c4d-1111-2222-3333-444455556666',
			description: 'The GUID in the site dashboard URL, after /dashboard/',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			description:
				'Only for account-level APIs. Site-level calls (everything these nodes do) send the site ID instead.',
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

	// Wix takes the raw key (no "Bearer") and exactly one of the site or account headers.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			Authorization: String(credentials.apiKey ?? ''),
		};
		if (credentials.siteId) headers['wix-site-id'] = String(credentials.siteId);
		else if (credentials.accountId) headers['wix-account-id'] = String(credentials.accountId);
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/v4/labels',
			qs: { 'paging.limit': 1 },
		},
		// n8n shows only the HTTP reason phrase for a failed test, so each status gets Wix's meaning.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Wix did not accept the API key (401 Unauthorized): copy it again from the API Keys Manager and check it was not deleted',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Wix refused access (403): the Site ID must belong to the API key’s account, and the key needs a permission for what the test reads (the site’s contact labels). A key with only other permissions (for example Loyalty) fails this test but still works for those nodes.',
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
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: 'Wix is throttling this site (429): wait a minute and test again',
				},
			},
		],
	};
}
