// The Site picker every Wix node shows: which of the account's sites a node works on when its API
// key credential reaches all sites of an account. n8n cannot show a parameter by a credential's
// field, so it is always there and optional; the transport enforces what the credential allows.
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import * as sitesApi from '../api/sites';
import { credentialReach, SITE_PARAMETER, wixApiRequest } from '../transport';
import { GUID_REGEX } from './descriptions';

const PAGE = 100;

export const siteProperty: INodeProperties = {
	displayName: 'Site',
	name: SITE_PARAMETER,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSites', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1a2b3c4d-1111-2222-3333-444455556666',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID_REGEX}\\s*$`,
						errorMessage: 'Not a valid Wix site ID (a GUID)',
					},
				},
			],
		},
	],
	description:
		'The Wix site to work on. Required when the API key credential reaches all sites of an account; otherwise leave it empty and the credential’s site is used.',
};

interface ListedSite {
	id: string;
	displayName?: string;
	name?: string;
	viewUrl?: string;
}

/** The account's sites, by name, searched by name or ID; a one-site credential offers its own site. */
export async function searchSites(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const reach = await credentialReach(this);
	if (reach.kind === 'site')
		return { results: [{ name: `The credential’s site (${reach.siteId})`, value: reach.siteId }] };
	// An app's token reaches one site it cannot list; By ID is for that case.
	if (reach.kind === 'app') return { results: [] };
	const response = await wixApiRequest<{
		sites?: ListedSite[];
		pagingMetadata?: { cursors?: { next?: string }; hasNext?: boolean };
	}>(this, sitesApi.queryPage(PAGE, paginationToken));
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = (response.sites ?? [])
		.map((site) => ({
			name: site.displayName || site.name || site.id,
			value: site.id,
			url: site.viewUrl,
		}))
		.filter(
			(site) =>
				!needle ||
				site.name.toLowerCase().includes(needle) ||
				site.value.toLowerCase().includes(needle),
		);
	const next = response.pagingMetadata?.cursors?.next;
	return { results, paginationToken: response.pagingMetadata?.hasNext && next ? next : undefined };
}
