import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listFields, listLabels } from '../../contact/siteSchema';

export async function getLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const labels = await listLabels(this);
	return labels
		.map((l) => ({
			name: l.displayName,
			value: l.key,
			description: l.labelType === 'SYSTEM' ? 'System label' : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** User-defined custom fields, by display name (the value is the key Wix uses). */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await listFields(this);
	return fields
		.filter((f) => f.fieldType !== 'SYSTEM')
		.map((f) => ({ name: f.displayName, value: f.key, description: f.dataType }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
