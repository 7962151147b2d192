/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// One account-level API key for two sites: the sandbox's Site List API and site checks, the Site
// picker, and every node writing to the site it picked and to no other.
import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { WixApiKeyApi } from '../../credentials/WixApiKeyApi.credentials';
import { WixContacts } from '../../nodes/Wix/Contacts/WixContacts.node';
import { WixLoyalty } from '../../nodes/Wix/Loyalty/WixLoyalty.node';
import { WixMembers } from '../../nodes/Wix/Members/WixMembers.node';
import { WixPollingTrigger } from '../../nodes/Wix/PollingTrigger/WixPollingTrigger.node';
import { WixTrigger } from '../../nodes/Wix/Trigger/WixTrigger.node';
import { WixWorkflows } from '../../nodes/Wix/Workflows/WixWorkflows.node';
import { runNode, runPoll, sendHttp } from '../helpers/executeContext';
import { admin, apiKeyCredentials, startTestSandbox, useTestSandbox } from '../helpers/sandbox';

const sandbox = useTestSandbox();
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

let siteA: string;
let siteB: string;
beforeEach(async () => {
	siteA = sandbox.creds.siteId;
	siteB = (await admin(sandbox, 'POST', '/sites', { displayName: 'Second Shop' })).site.id;
});

/** The credential as a user saves it with Access "All Sites of an Account". */
const accountKey = () => ({
	type: 'wixApiKeyApi' as const,
	data: {
		access: 'account',
		apiKey: sandbox.creds.accountApiKey,
		accountId: sandbox.creds.accountId,
		baseUrl: sandbox.url,
		requestsPerMinute: 0,
	},
});

/** A call to the sandbox as Wix answers it, with any key and headers. */
async function call(
	headers: Record<string, string>,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: any }> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}
const onSite = (site: string) => ({
	Authorization: sandbox.creds.accountApiKey,
	'wix-site-id': site,
});
const contactNames = async (site: string) =>
	(
		await call(onSite(site), 'POST', '/contacts/v4/contacts/query', { query: {} })
	).body.contacts.map((c: any) => c.info?.name?.first);

describe('sandbox: an account of several sites', () => {
	it('keeps each site’s data apart and lets an account key address any of them', async () => {
		expect(
			(
				await call(onSite(siteB), 'POST', '/contacts/v4/contacts', {
					info: { name: { first: 'Bea' } },
				})
			).status,
		).toBe(200);
		expect(await contactNames(siteB)).toEqual(['Bea']);
		expect(await contactNames(siteA)).toEqual([]);
		expect(sandbox.siteById(siteB)!.contacts.size).toBe(1);
		expect(sandbox.site.contacts.size).toBe(0);
	});

	it('refuses a site key on another site, an account key on a foreign site, and both headers', async () => {
		const siteKeyOnB = await call(
			{ Authorization: sandbox.creds.apiKey, 'wix-site-id': siteB },
			'POST',
			'/contacts/v4/contacts/query',
			{ query: {} },
		);
		expect(siteKeyOnB.status).toBe(403);
		expect(siteKeyOnB.body.message).toContain(`no access to site ${siteB}`);
		const foreign = await call(
			onSite('00000000-0000-4000-8000-000000000000'),
			'GET',
			'/contacts/v4/labels',
		);
		expect(foreign.status).toBe(403);
		const both = await call(
			{ ...onSite(siteA), 'wix-account-id': sandbox.creds.accountId },
			'GET',
			'/contacts/v4/labels',
		);
		expect(both.status).toBe(400);
		const accountOnSiteApi = await call(
			{ Authorization: sandbox.creds.accountApiKey, 'wix-account-id': sandbox.creds.accountId },
			'GET',
			'/contacts/v4/labels',
		);
		expect(accountOnSiteApi.status).toBe(403);
		expect(accountOnSiteApi.body.message).toMatch(/wix-site-id/);
	});

	it('serves Query Sites to an account key only, with cursor paging and filters', async () => {
		for (let k = 0; k < 3; k++)
			await admin(sandbox, 'POST', '/sites', { displayName: `Extra ${k}` });
		const account = {
			Authorization: sandbox.creds.accountApiKey,
			'wix-account-id': sandbox.creds.accountId,
		};
		const first = await call(account, 'POST', '/site-list/v2/sites/query', {
			query: { cursorPaging: { limit: 3 } },
		});
		expect(first.status).toBe(200);
		expect(first.body.sites.map((s: any) => s.displayName)).toEqual([
			'Wix Sandbox Site',
			'Second Shop',
			'Extra 0',
		]);
		expect(first.body.pagingMetadata).toMatchObject({ count: 3, hasNext: true });
		const second = await call(account, 'POST', '/site-list/v2/sites/query', {
			query: { cursorPaging: { limit: 3, cursor: first.body.pagingMetadata.cursors.next } },
		});
		expect(second.body.sites.map((s: any) => s.displayName)).toEqual(['Extra 1', 'Extra 2']);
		expect(second.body.pagingMetadata.hasNext).toBe(false);
		const byId = await call(account, 'POST', '/site-list/v2/sites/query', {
			query: { filter: { id: { $eq: siteB } } },
		});
		expect(byId.body.sites).toEqual([
			expect.objectContaining({ id: siteB, displayName: 'Second Shop' }),
		]);
		const otherAccount = await call(
			{ ...account, 'wix-account-id': '00000000-0000-4000-8000-000000000000' },
			'POST',
			'/site-list/v2/sites/query',
			{},
		);
		expect(otherAccount.status).toBe(403);
		const siteKey = await call(
			{ Authorization: sandbox.creds.apiKey, 'wix-site-id': siteA },
			'POST',
			'/site-list/v2/sites/query',
			{},
		);
		expect(siteKey.status).toBe(403);
		expect(siteKey.body.message).toMatch(/account-level API/);
	});

	it('drops the sites the admin API added on reset, and makes those of its options again', async () => {
		expect((await admin(sandbox, 'GET', '/sites')).sites).toHaveLength(2);
		await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
		expect((await admin(sandbox, 'GET', '/sites')).sites.map((s: any) => s.id)).toEqual([siteA]);
		const configured = await startTestSandbox({
			sites: [
				{ id: '11111111-2222-4333-8444-555555555555', displayName: 'Configured', seed: 'demo' },
			],
		});
		try {
			await admin(configured, 'POST', '/reset', { seed: 'empty' });
			const { sites } = await admin(configured, 'GET', '/sites');
			expect(sites.map((s: any) => s.displayName)).toEqual(['Wix Sandbox Site', 'Configured']);
			expect(configured.siteById(sites[1].id)!.contacts.size).toBeGreaterThan(0);
			expect(configured.site.contacts.size).toBe(0);
		} finally {
			await configured.close();
		}
	});
});

describe('nodes with an account-level API key', () => {
	it('Wix Contacts creates the contact on the picked site only', async () => {
		const { output, requests } = await runNode({
			node: new WixContacts(),
			parameters: {
				site: rl(siteB),
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Picked' },
			},
			credentials: accountKey(),
		});
		expect(output[0].json).toMatchObject({ info: { name: { first: 'Picked' } } });
		expect(requests.every((r) => r.headers['wix-site-id'] === siteB)).toBe(true);
		expect(requests.some((r) => 'wix-account-id' in r.headers)).toBe(false);
		expect(await contactNames(siteB)).toEqual(['Picked']);
		expect(await contactNames(siteA)).toEqual([]);
	});

	it('Wix Workflows creates the pipeline on the picked site only', async () => {
		await runNode({
			node: new WixWorkflows(),
			parameters: {
				site: rl(siteA, 'list'),
				api: 'pipelines',
				resource: 'pipeline',
				operation: 'create',
				name: 'Only on A',
				stages: { stage: [{ name: 'New' }] },
			},
			credentials: accountKey(),
		});
		const names = async (site: string) =>
			(
				await call(onSite(site), 'POST', '/crm/pipelines/v1/pipelines/query', { query: {} })
			).body.pipelines.map((p: any) => p.name);
		expect(await names(siteA)).toEqual(['Only on A']);
		expect(await names(siteB)).toEqual([]);
	});

	it('Wix Loyalty activates the program of the picked site only', async () => {
		const { output } = await runNode({
			node: new WixLoyalty(),
			parameters: { site: rl(siteB), resource: 'program', operation: 'activate' },
			credentials: accountKey(),
		});
		expect(output[0].json).toMatchObject({ status: 'ACTIVE' });
		const status = async (site: string) =>
			(await call(onSite(site), 'GET', '/loyalty-programs/v1/program')).body.loyaltyProgram.status;
		expect(await status(siteB)).toBe('ACTIVE');
		expect(await status(siteA)).toBe('DRAFT');
	});

	it('Wix Members creates the badge on the picked site only', async () => {
		await runNode({
			node: new WixMembers(),
			parameters: { site: rl(siteB), resource: 'badge', operation: 'create', title: 'VIP' },
			credentials: accountKey(),
		});
		expect([...sandbox.siteById(siteB)!.badges.badges.values()].map((b) => b.title)).toEqual([
			'VIP',
		]);
		expect([...sandbox.site.badges.badges.values()]).toEqual([]);
	});

	it('the Wix Polling Trigger polls the picked site', async () => {
		await call(onSite(siteA), 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'OnA' } },
		});
		await call(onSite(siteB), 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'OnB' } },
		});
		const items = await runPoll({
			node: new WixPollingTrigger(),
			parameters: { site: rl(siteB), event: 'newContact' },
			credentials: accountKey(),
			staticData: {},
			mode: 'manual',
		});
		expect(items?.map((c) => (c.info as IDataObject | undefined)?.name)).toEqual([
			{ first: 'OnB' },
		]);
	});

	it('the Wix Trigger registers its Automation on the picked site', async () => {
		const credentials = accountKey().data;
		const parameters: IDataObject = {
			source: 'automation',
			authentication: 'apiKey',
			site: rl(siteB),
			automationTrigger: 'contacts-new_contact_was_created',
		};
		const staticData: IDataObject = {};
		const hook = {
			getNodeParameter: (
				name: string,
				fallback?: unknown,
				options?: { extractValue?: boolean },
			) => {
				const value = parameters[name] ?? fallback;
				return options?.extractValue && typeof value === 'object' && value !== null
					? (value as IDataObject).value
					: value;
			},
			getCredentials: async () => credentials,
			getNode: () => ({ name: 'Wix Trigger' }),
			getWorkflow: () => ({ id: 'wf', name: 'Sites' }),
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => 'http://127.0.0.1:9/webhook/sites',
			getMode: () => 'trigger',
			helpers: {
				httpRequestWithAuthentication: async (_: string, options: IHttpRequestOptions) =>
					await sendHttp(await new WixApiKeyApi().authenticate(credentials, options)),
			},
		} as unknown as IHookFunctions;
		expect(await new WixTrigger().webhookMethods.default.create.call(hook)).toBe(true);
		expect(sandbox.siteById(siteB)!.automations.automations.size).toBe(1);
		expect(sandbox.site.automations.automations.size).toBe(0);
	});

	it('lists the account’s sites in the Site picker, searched by name, paged by cursor', async () => {
		for (let k = 0; k < 120; k++)
			await admin(sandbox, 'POST', '/sites', { displayName: `Shop ${k}` });
		const credentials = accountKey().data;
		const editor = {
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'authentication' ? 'apiKey' : fallback,
			getCredentials: async () => credentials,
			getNode: () => ({ name: 'Wix' }),
			helpers: {
				httpRequestWithAuthentication: async (_: string, options: IHttpRequestOptions) =>
					await sendHttp(await new WixApiKeyApi().authenticate(credentials, options)),
			},
		} as never;
		const { searchSites } = new WixContacts().methods.listSearch;
		const first = await searchSites.call(editor);
		expect(first.results).toHaveLength(100);
		expect(first.results[1]).toMatchObject({ name: 'Second Shop', value: siteB });
		const second = await searchSites.call(editor, undefined, first.paginationToken);
		expect(second.results).toHaveLength(22);
		expect(second.paginationToken).toBeUndefined();
		expect((await searchSites.call(editor, 'second')).results).toEqual([
			expect.objectContaining({ name: 'Second Shop', value: siteB }),
		]);
	});

	it('fails without a Site, naming the parameter, and Continue On Fail makes it an error item', async () => {
		const parameters = { resource: 'contact', operation: 'getAll', limit: 1 };
		const error = await runNode({
			node: new WixContacts(),
			parameters,
			credentials: accountKey(),
		}).catch((e) => e);
		expect(error.message).toMatch(/^Site is required/);
		expect(error.description).toMatch(/Site parameter/);
		const { output, requests } = await runNode({
			node: new WixContacts(),
			parameters,
			credentials: accountKey(),
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/Site is required/);
		expect(requests).toHaveLength(0);
	});

	it('refuses items that pick different sites in one run', async () => {
		const { output } = await runNode({
			node: new WixContacts(),
			parameters: {
				site: (i: number) => rl(i === 0 ? siteA : siteB),
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Split' },
			},
			items: [{}, {}],
			credentials: accountKey(),
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ info: { name: { first: 'Split' } } });
		expect(output[1].json.error).toMatch(/Site must be the same for every item/);
		expect(await contactNames(siteB)).toEqual([]);
	});
});

describe('nodes with a one-site API key', () => {
	it('ignores an empty Site and uses the credential’s site', async () => {
		const { requests } = await runNode({
			node: new WixContacts(),
			parameters: { resource: 'contact', operation: 'create', contactFields: { firstName: 'Own' } },
			credentials: apiKeyCredentials(sandbox),
		});
		expect(requests[0].headers['wix-site-id']).toBe(siteA);
		expect(await contactNames(siteA)).toEqual(['Own']);
	});

	it('accepts its own site in Site and refuses another, naming both', async () => {
		await runNode({
			node: new WixContacts(),
			parameters: {
				site: rl(siteA),
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Same' },
			},
			credentials: apiKeyCredentials(sandbox),
		});
		const error = await runNode({
			node: new WixContacts(),
			parameters: {
				site: rl(siteB),
				resource: 'contact',
				operation: 'create',
				contactFields: { firstName: 'Other' },
			},
			credentials: apiKeyCredentials(sandbox),
		}).catch((e) => e);
		expect(error.message).toBe(
			`Site ${siteB} is not the credential’s site: the Wix API Key credential reaches only site ${siteA}`,
		);
		expect(error.description).toMatch(/All Sites of an Account/);
		expect(await contactNames(siteA)).toEqual(['Same']);
		expect(await contactNames(siteB)).toEqual([]);
	});

	it('offers only its own site in the Site picker', async () => {
		const credentials = apiKeyCredentials(sandbox).data;
		const editor = {
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'authentication' ? 'apiKey' : fallback,
			getCredentials: async () => credentials,
			getNode: () => ({ name: 'Wix' }),
		} as never;
		const { results } = await new WixContacts().methods.listSearch.searchSites.call(editor);
		expect(results).toEqual([{ name: `The credential’s site (${siteA})`, value: siteA }]);
	});
});
