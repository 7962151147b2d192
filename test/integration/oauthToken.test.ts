/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// An edited OAuth2 credential keeps n8n's stored token (n8n restores hidden fields on save); the
// Wix Contacts node must notice and have a token minted for what the credential says now.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { wixTokenFingerprint } from '../../credentials/WixOAuth2Api.credentials';
import { contactsNode } from '../helpers/contactsNode';
import { runNode } from '../helpers/executeContext';
import { admin, oauthCredentials, useTestSandbox } from '../helpers/sandbox';

const sandbox = useTestSandbox();
const { node } = contactsNode(sandbox);

const create = (first: string, data: IDataObject) =>
	runNode({
		node,
		parameters: { resource: 'contact', operation: 'create', contactFields: { firstName: first } },
		credentials: { type: 'wixOAuth2Api', data },
	});
// Minus the custom field the first write on a site sets up.
const paths = (requests: Array<{ url: string }>) =>
	requests
		.map((r) => r.url.replace(sandbox.url, '').split('?')[0])
		.filter((path) => !path.startsWith('/contacts/v4/extended-fields'));
const names = async (site = '') =>
	(await admin(sandbox, 'GET', `${site}/state`)).contacts.map((c: any) => c.info.name.first);

test('the token is stored with its fingerprint, kept while the credential stays, replaced once it names another instance', async () => {
	const b = await admin(sandbox, 'POST', '/instances', {});

	const first = await create('OnA', oauthCredentials(sandbox).data);
	expect(paths(first.requests)).toEqual(['/oauth2/token', '/contacts/v4/contacts']);
	expect(first.credentials.tokenFingerprint).toBe(
		wixTokenFingerprint(first.credentials as ICredentialDataDecryptedObject),
	);

	const kept = await create('AgainOnA', first.credentials);
	expect(paths(kept.requests)).toEqual(['/contacts/v4/contacts']);

	// What saving the edit leaves: the new instance beside the old token and its fingerprint.
	const edited = { ...kept.credentials, instanceId: b.instanceId };
	const moved = await create('OnB', edited);
	expect(paths(moved.requests)).toEqual(['/oauth2/token', '/contacts/v4/contacts']);
	expect(moved.requests[0].body).toMatchObject({ instance_id: b.instanceId });
	expect(moved.requests[1].headers.Authorization).toBe(moved.credentials.accessToken);
	expect(moved.credentials.accessToken).not.toBe(first.credentials.accessToken);
	expect(moved.credentials.tokenFingerprint).toBe(
		wixTokenFingerprint(edited as ICredentialDataDecryptedObject),
	);

	expect(await names()).toEqual(['OnA', 'AgainOnA']);
	expect(await names(`/instances/${b.instanceId}`)).toEqual(['OnB']);
});

test('many items at once after an edit: one mint, every item on the new site', async () => {
	const b = await admin(sandbox, 'POST', '/instances', {});
	const first = await create('OnA', oauthCredentials(sandbox).data);
	const run = await runNode({
		node,
		parameters: {
			resource: 'contact',
			operation: 'create',
			contactFields: (k: number) => ({ firstName: `Item${k}` }),
		},
		items: Array.from({ length: 12 }, () => ({})),
		credentials: {
			type: 'wixOAuth2Api',
			data: { ...first.credentials, instanceId: b.instanceId },
		},
	});
	expect(run.output).toHaveLength(12);
	expect(paths(run.requests).filter((p) => p === '/oauth2/token')).toHaveLength(1);
	expect(await names(`/instances/${b.instanceId}`)).toHaveLength(12);
	expect(await names()).toEqual(['OnA']);
});
