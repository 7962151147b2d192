import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import * as pipelinesApi from '../../api/pipelines';
import * as workflowsApi from '../../api/workflows';
import { wixApiRequest, wixApiRequestAllItems } from '../../transport';

function matches(name: string | null | undefined, filter?: string): boolean {
	return !filter || (name ?? '').toLowerCase().includes(filter.trim().toLowerCase());
}

/** Pipelines by name, a page (up to 100) per call, the next page by cursor. */
export async function searchPipelines(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = paginationToken
		? { cursorPaging: { limit: pipelinesApi.QUERY_PAGE_SIZE, cursor: paginationToken } }
		: {
				sort: [{ fieldName: 'name', order: 'ASC' }],
				cursorPaging: { limit: pipelinesApi.QUERY_PAGE_SIZE },
			};
	const response = await wixApiRequest<{
		pipelines?: pipelinesApi.WixPipeline[];
		pagingMetadata?: { cursors?: { next?: string | null }; hasNext?: boolean | null };
	}>(this, pipelinesApi.queryPage(query));
	const next = response.pagingMetadata?.cursors?.next;
	return {
		results: (response.pipelines ?? [])
			.filter((p) => matches(p.name, filter))
			.map((p) => ({ name: p.name ?? String(p.id), value: String(p.id) })),
		paginationToken: next && response.pagingMetadata?.hasNext !== false ? next : undefined,
	};
}

/** Legacy workflows by name (a site has at most 30, so one read). */
export async function searchWorkflows(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const workflows = await wixApiRequestAllItems<workflowsApi.LegacyWorkflowInfo>(
		this,
		workflowsApi.listWorkflows('name:asc'),
	);
	return {
		results: workflows
			.filter((w) => matches(w.name, filter))
			.map((w) => ({ name: w.name ?? String(w.id), value: String(w.id) })),
	};
}
