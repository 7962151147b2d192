/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Runs the Wix Contacts node in-process against a test sandbox, and makes the records a test needs
// straight through the sandbox's API (not through the node under test).
import type { IDataObject } from 'n8n-workflow';

import { WixContacts } from '../../nodes/Wix/Contacts/WixContacts.node';
import { runNode, type RunOptions } from './executeContext';
import type { WixSandbox } from '../../sandbox/server';
import { admin, apiKeyCredentials, wix } from './sandbox';

export function contactsNode(sandbox: WixSandbox) {
	const node = new WixContacts();
	return {
		node,
		/** Runs one operation; `resource` defaults to contact. */
		run: (parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) =>
			runNode({
				node,
				parameters: { resource: 'contact', ...parameters },
				credentials: apiKeyCredentials(sandbox),
				...extra,
			}),
		contact: async (info: IDataObject): Promise<any> => {
			const { status, body } = await wix(sandbox, 'POST', '/contacts/v4/contacts', { info });
			expect(status).toBe(200);
			return body.contact;
		},
		field: async (displayName: string, dataType: string) =>
			(await wix(sandbox, 'POST', '/contacts/v4/extended-fields', { displayName, dataType })).body
				.field,
		label: async (displayName: string) =>
			(await wix(sandbox, 'POST', '/contacts/v4/labels', { displayName })).body.label,
		counts: async () => (await admin(sandbox, 'GET', '/counts')).counts as Record<string, number>,
	};
}

/** A resource locator value as the editor saves it. */
export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
