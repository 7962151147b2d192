// The label and custom-field pickers of Rename and Delete. A site has a few dozen of each, so one
// cached read serves every search and there is no second page.
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listFields, listLabels } from '../../contact/siteSchema';

interface Keyed {
	key: string;
	displayName: string;
}

function matching(entries: Keyed[], filter?: string): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase();
	const results = entries
		.filter(
			(e) =>
				!needle ||
				e.displayName.toLowerCase().includes(needle) ||
				e.key.toLowerCase().includes(needle),
		)
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((e) => ({ name: e.displayName, value: e.key }));
	return { results };
}

/** Labels the site owner made (system labels cannot be renamed or deleted). */
export async function searchLabels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const labels = await listLabels(this);
	return matching(
		labels.filter((l) => l.labelType !== 'SYSTEM'),
		filter,
	);
}

/** User-defined custom fields (system fields cannot be renamed or deleted). */
export async function searchCustomFields(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const fields = await listFields(this);
	return matching(
		fields.filter((f) => f.fieldType !== 'SYSTEM'),
		filter,
	);
}
