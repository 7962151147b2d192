import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestMethods,
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
			displayName: 'Access',
			name: 'access',
			type: 'options',
			options: [
				{
					name: 'One Site',
					value: 'site',
					description: 'Every node works on the site given here',
				},
				{
					name: 'All Sites of an Account',
					value: 'account',
					description: 'Each node picks one of the account’s sites in its Site parameter',
				},
			],
			default: 'site',
		},
		{
			displayName: 'Site ID',
			name: 'siteId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1a2b3c4d-1111-2222-3333-444455556666',
			description: 'The GUID in the site dashboard URL, after /dashboard/',
			displayOptions: { show: { access: ['site'] } },
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 9f8e7d6c-1111-2222-3333-444455556666',
			description:
				'Shown in the API Keys Manager of your Wix account, beside the keys. The nodes list the account’s sites and send the chosen one with each call.',
			displayOptions: { show: { access: ['account'] } },
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

	// Wix takes the raw key (no "Bearer") and exactly one of the site or account headers. With
	// account access the node names the site (transport sets wix-site-id); without one the call is
	// an account-level API and goes with the account ID.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			Authorization: String(credentials.apiKey ?? ''),
		};
		if (isAccountWide(credentials)) {
			if (!headers['wix-site-id']) headers['wix-account-id'] = String(credentials.accountId ?? '');
		} else {
			// A site key only ever speaks for its own site, whatever a request asked for.
			headers['wix-site-id'] = String(credentials.siteId ?? '');
			delete headers['wix-account-id'];
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			// An account key is tested on what only it can do: listing the account's sites.
			// n8n resolves expressions in every field of a test request, the method too.
			method: '={{$credentials.access === "account" ? "POST" : "GET"}}' as IHttpRequestMethods,
			url: '={{$credentials.access === "account" ? "/site-list/v2/sites/query" : "/contacts/v4/labels"}}',
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
						'Wix refused access (403): the Site ID must belong to the API key’s account (with All Sites of an Account: the Account ID must be the key’s account), and the key needs a permission for what the test reads (the site’s contact labels, or the account’s site list). A key with only other permissions (for example Loyalty) fails this test but still works for those nodes.',
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

/** Whether the credential reaches every site of an account (older credentials had only an account ID). */
function isAccountWide(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.access === 'account' || (!credentials.siteId && !!credentials.accountId);
}
