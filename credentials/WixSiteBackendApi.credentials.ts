import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class WixSiteBackendApi implements ICredentialType {
	name = 'wixSiteBackendApi';

	displayName = 'Wix Site Backend API';

	icon = { light: 'file:wix.svg', dark: 'file:wix.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-wix-crm/n8n-nodes-wix-crm/blob/main/velo/README.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://www.example.com',
			description:
				'The published site that carries velo/http-functions.js; its functions answer under /_functions/',
		},
		{
			displayName: 'Shared Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The same value as the secret named n8n-shared-secret in the site’s Secrets Manager',
		},
	];

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.secret}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.siteUrl.replace(/\\/+$/, "")}}',
			url: '/_functions/ping',
			method: 'POST',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The site refused the shared secret (401): it must equal the n8n-shared-secret in the site’s Secrets Manager',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No backend function answered (404): publish the site with velo/http-functions.js in its backend',
				},
			},
		],
	};
}
