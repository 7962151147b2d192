// The Wix Loyalty and Wix Members pickers (list search and load options) against the sandbox,
// called the way the editor calls them.
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { WixLoyalty } from '../../../nodes/Wix/Loyalty/WixLoyalty.node';
import { WixMembers } from '../../../nodes/Wix/Members/WixMembers.node';
import { sendHttp } from '../../helpers/executeContext';
import { loyaltyNodes } from '../../helpers/loyaltyNode';
import { apiKeyCredentials, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { ok, activate, account, earn, contact, member } = loyaltyNodes(sandbox);
const loyalty = new WixLoyalty().methods;
const members = new WixMembers().methods;

function editor(): ILoadOptionsFunctions {
	const credentials = apiKeyCredentials(sandbox).data;
	const headers = { Authorization: sandbox.creds.apiKey, 'wix-site-id': sandbox.creds.siteId };
	return {
		getNodeParameter: (_: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: () => undefined,
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Wix' }),
		helpers: {
			httpRequestWithAuthentication: async (_: string, options: IHttpRequestOptions) =>
				await sendHttp({ ...options, headers: { ...options.headers, ...headers } }),
		},
	} as unknown as ILoadOptionsFunctions;
}

it('lists accounts with name and balance, searches them, and pages by cursor', async () => {
	await activate();
	const ada = await account('Ada', 'ada@example.com');
	await earn(ada.id, 120);
	for (let k = 0; k < 100; k++) await account(`P${k}`);
	const first = await loyalty.listSearch.searchAccounts.call(editor());
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toEqual(expect.any(String));
	const second = await loyalty.listSearch.searchAccounts.call(
		editor(),
		undefined,
		first.paginationToken,
	);
	expect(second.results).toHaveLength(1);
	const found = await loyalty.listSearch.searchAccounts.call(editor(), 'ada@');
	expect(found.results).toEqual([{ name: 'Ada (120 points)', value: ada.id }]);
});

it('offers the base tier and the tiers by required points', async () => {
	for (const [name, requiredPoints] of [
		['Gold', 1000],
		['Silver', 500],
	] as const)
		await ok('POST', '/loyalty-tiers/v1/tiers', {
			tier: { tierDefinition: { name }, requiredPoints },
		});
	const tiers = await loyalty.loadOptions.getTiers.call(editor());
	expect(tiers.map((t) => t.name)).toEqual(['Base Tier', 'Silver', 'Gold']);
	expect(tiers[0].value).toBe('base');
});

it('lists members by name and login email, and badges by title', async () => {
	const m = await member(await contact('Ada', 'ada@example.com'));
	await member(await contact('Bo', 'bo@example.com'));
	const all = await members.listSearch.searchMembers.call(editor());
	expect(all.results).toHaveLength(2);
	const found = await members.listSearch.searchMembers.call(editor(), 'ada');
	expect(found.results).toEqual([{ name: 'Ada (ada@example.com)', value: m.id }]);
	const gold = (await ok('POST', '/members/v3/badges', { badge: { title: 'Gold' } })).badge;
	await ok('POST', '/members/v3/badges', { badge: { title: 'Silver' } });
	const badges = await members.listSearch.searchBadges.call(editor(), 'go');
	expect(badges.results).toEqual([{ name: 'Gold', value: gold.id }]);
});
