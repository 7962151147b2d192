// The Wix Contacts pickers that are resource locators (label and custom field of Rename/Delete,
// the merge sources, the contact's By URL mode) against the sandbox: their list searches called
// the way the editor calls them, and every saved shape of their values (old plain string, From
// List, By ID, By URL) run through the node.
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { contactsNode, rl } from '../../helpers/contactsNode';
import { sendHttp } from '../../helpers/executeContext';
import { apiKeyCredentials, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { node, run, contact, field, label } = contactsNode(sandbox);
const methods = node.methods;

function editor(): ILoadOptionsFunctions {
	const credentials = apiKeyCredentials(sandbox).data;
	const headers = { Authorization: sandbox.creds.apiKey, 'wix-site-id': sandbox.creds.siteId };
	return {
		getNodeParameter: (_: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: () => undefined,
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Wix Contacts' }),
		getWorkflow: () => ({ id: `pickers-${Math.random()}` }),
		helpers: {
			httpRequestWithAuthentication: async (_: string, options: IHttpRequestOptions) =>
				await sendHttp({ ...options, headers: { ...options.headers, ...headers } }),
		},
	} as unknown as ILoadOptionsFunctions;
}

const dashboardUrl = (id: string) =>
	`https://manage.wix.com/dashboard/${sandbox.creds.siteId}/contacts/view/${id}`;

it('lists the site’s own labels by name, searched by name or key, without system labels', async () => {
	await label('VIP');
	await label('Hot Lead');
	const all = await methods.listSearch.searchLabels.call(editor());
	expect(all.results).toEqual([
		{ name: 'Hot Lead', value: 'custom.hot-lead' },
		{ name: 'VIP', value: 'custom.vip' },
	]);
	expect(all.paginationToken).toBeUndefined();
	expect((await methods.listSearch.searchLabels.call(editor(), 'hot')).results).toEqual([
		{ name: 'Hot Lead', value: 'custom.hot-lead' },
	]);
	expect((await methods.listSearch.searchLabels.call(editor(), 'custom.vip')).results).toEqual([
		{ name: 'VIP', value: 'custom.vip' },
	]);
	expect((await methods.listSearch.searchLabels.call(editor(), 'nothing')).results).toEqual([]);
});

it('lists user-defined custom fields by name, searched, without system fields', async () => {
	await field('externalCrmId', 'TEXT');
	await field('Lifetime Value', 'NUMBER');
	const all = await methods.listSearch.searchCustomFields.call(editor());
	expect(all.results).toEqual([
		{ name: 'externalCrmId', value: 'custom.externalcrmid' },
		{ name: 'Lifetime Value', value: 'custom.lifetime-value' },
	]);
	expect(all.results.map((r) => r.value)).not.toContain('emailSubscriptions.subscriptionStatus');
	expect((await methods.listSearch.searchCustomFields.call(editor(), 'LIFE')).results).toEqual([
		{ name: 'Lifetime Value', value: 'custom.lifetime-value' },
	]);
});

it('renames and deletes a label given by an old plain key, From List and By Key', async () => {
	await label('A');
	await label('B');
	const labels = (parameters: Record<string, unknown>) => run({ resource: 'label', ...parameters });
	expect(
		(await labels({ operation: 'rename', key: 'custom.a', newDisplayName: 'A1' })).output[0].json,
	).toMatchObject({ key: 'custom.a', displayName: 'A1' });
	expect(
		(
			await labels({
				operation: 'rename',
				key: rl('custom.a', 'list'),
				newDisplayName: 'A2',
			})
		).output[0].json,
	).toMatchObject({ key: 'custom.a', displayName: 'A2' });
	expect((await labels({ operation: 'delete', key: rl(' custom.b ') })).output[0].json).toEqual({
		deleted: true,
		key: 'custom.b',
	});
	await expect(labels({ operation: 'delete', key: rl('', 'list') })).rejects.toThrow(
		'"label" is empty',
	);
});

it('renames and deletes a custom field given From List and by an old plain key', async () => {
	await field('Plan', 'TEXT');
	const fields = (parameters: Record<string, unknown>) =>
		run({ resource: 'customField', ...parameters });
	expect(
		(
			await fields({
				operation: 'rename',
				key: rl('custom.plan', 'list'),
				newDisplayName: 'Tier',
			})
		).output[0].json,
	).toMatchObject({ key: 'custom.plan', displayName: 'Tier' });
	expect((await fields({ operation: 'delete', key: 'custom.plan' })).output[0].json).toEqual({
		deleted: true,
		key: 'custom.plan',
	});
	expect((await methods.listSearch.searchCustomFields.call(editor())).results).toEqual([]);
});

describe('merge sources', () => {
	const people = async () => {
		const target = await contact({ name: { first: 'Target' } });
		const a = await contact({ name: { first: 'Adasource' }, company: 'From A' });
		const b = await contact({ name: { first: 'B' } });
		return { target, a, b };
	};

	it.each([
		['an old comma-separated string', (a: string, b: string) => `${a}, ${b}`, 2],
		['By ID, comma-separated', (a: string, b: string) => rl(`${a},${b}`), 2],
		['From List', (a: string) => rl(a, 'list'), 1],
		['By URL', (a: string) => rl(dashboardUrl(a), 'url'), 1],
	])('merges sources given as %s', async (_what, sources, count) => {
		const { target, a, b } = await people();
		const { output } = await run({
			operation: 'merge',
			contactId: rl(dashboardUrl(target.id), 'url'),
			sourceContactIds: sources(a.id, b.id),
		});
		const merged = [a.id, b.id].slice(0, count as number);
		expect(output[0].json).toMatchObject({ id: target.id, mergedContactIds: merged });
		expect(output[0].json.info).toMatchObject({ company: 'From A' });
	});

	it('names the field when a source URL is not a contact page', async () => {
		const { target } = await people();
		await expect(
			run({
				operation: 'merge',
				contactId: rl(target.id),
				sourceContactIds: rl('https://manage.wix.com/dashboard/x/home', 'url'),
			}),
		).rejects.toThrow('"Source Contacts" is not a contact page URL');
	});

	it('finds merge sources in the contact list search', async () => {
		const { a } = await people();
		const found = await methods.listSearch.searchContacts.call(editor(), 'Adasource');
		expect(found.results.map((r) => r.value)).toEqual([a.id]);
	});
});
