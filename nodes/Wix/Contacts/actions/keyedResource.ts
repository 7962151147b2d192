// Labels and custom fields are the same kind of thing to Wix: keyed by `custom.<slug>`, found or
// created by display name, listed, renamed and deleted. One implementation serves both resources.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import * as extendedFieldsApi from '../../api/extendedFields';
import * as labelsApi from '../../api/labels';
import {
	forgetSchema,
	listFields,
	listLabels,
	type WixField,
	type WixLabel,
} from '../../contact/siteSchema';
import { returnAllOrLimit } from '../../shared/descriptions';
import { readLocator } from '../../shared/locator';
import { wixApiRequest, type WixRequest } from '../../transport';

export interface KeyedResource {
	resource: 'label' | 'customField';
	noun: string;
	/** The API module's requests. */
	api: {
		findOrCreate: (displayName: string, dataType?: string) => WixRequest;
		rename: (key: string, displayName: string) => WixRequest;
		remove: (key: string) => WixRequest;
	};
	/** Response key of one entity (`label`, `field`). */
	one: 'label' | 'field';
	/** Response flag of find-or-create (`newLabel`, `newField`). */
	createdFlag: 'newLabel' | 'newField';
	/** The list search of its picker. */
	searchListMethod: string;
}

export const LABEL: KeyedResource = {
	resource: 'label',
	noun: 'label',
	api: labelsApi,
	one: 'label',
	createdFlag: 'newLabel',
	searchListMethod: 'searchLabels',
};

export const CUSTOM_FIELD: KeyedResource = {
	resource: 'customField',
	noun: 'custom field',
	api: extendedFieldsApi,
	one: 'field',
	createdFlag: 'newField',
	searchListMethod: 'searchCustomFields',
};

const show = (r: KeyedResource, operation: string) => ({
	show: { resource: [r.resource], operation: [operation] },
});

// A locator since 2026-11; workflows saved before hold the key as a plain string, read as By Key.
function keyPicker(r: KeyedResource): INodeProperties {
	const what = r.noun === 'label' ? 'Label' : 'Custom Field';
	return {
		displayName: what,
		name: 'key',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: r.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Key',
				name: 'id',
				type: 'string',
				placeholder: r.noun === 'label' ? 'e.g. custom.vip' : 'e.g. custom.externalcrmid',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z0-9_.-]+\\s*$',
							errorMessage: `Not a ${r.noun} key (e.g. custom.vip)`,
						},
					},
				],
			},
		],
		description: `The ${r.noun} to act on; its key is what Wix stores on contacts`,
	};
}

export function findOrCreateDescription(
	r: KeyedResource,
	extra: INodeProperties[] = [],
): INodeProperties[] {
	return updateDisplayOptions(show(r, 'findOrCreate'), [
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			required: true,
			default: '',
			placeholder: r.noun === 'label' ? 'e.g. VIP' : 'e.g. externalCrmId',
			description: `Returns the ${r.noun} with exactly this name, or creates it`,
		},
		...extra,
	]);
}

export function getAllDescription(
	r: KeyedResource,
	extra: INodeProperties[] = [],
): INodeProperties[] {
	// A site has a few dozen labels or fields, so listing them all is the useful default.
	const [returnAll, limit] = returnAllOrLimit;
	return updateDisplayOptions(show(r, 'getAll'), [
		{ ...returnAll, default: true },
		limit,
		...extra,
	]);
}

export function renameDescription(r: KeyedResource): INodeProperties[] {
	return updateDisplayOptions(show(r, 'rename'), [
		keyPicker(r),
		{
			displayName: 'New Display Name',
			name: 'newDisplayName',
			type: 'string',
			required: true,
			default: '',
			description: 'The key stays the same',
		},
	]);
}

export function deleteDescription(r: KeyedResource): INodeProperties[] {
	return updateDisplayOptions(show(r, 'delete'), [keyPicker(r)]);
}

function requireText(ctx: IExecuteFunctions, name: string, label: string, i: number): string {
	const value = readLocator(ctx.getNodeParameter(name, i, '')).value;
	if (!value)
		throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, {
			itemIndex: i,
			description: `Give a ${label}`,
		});
	return value;
}

export async function findOrCreate(
	ctx: IExecuteFunctions,
	r: KeyedResource,
	i: number,
	dataType?: string,
): Promise<IDataObject> {
	const displayName = requireText(ctx, 'displayName', 'Display Name', i);
	const response = await wixApiRequest<IDataObject>(
		ctx,
		r.api.findOrCreate(displayName, dataType),
		i,
	);
	if (response[r.createdFlag]) forgetSchema(ctx);
	return { ...(response[r.one] as IDataObject), created: Boolean(response[r.createdFlag]) };
}

export async function getAll(
	ctx: IExecuteFunctions,
	r: KeyedResource,
	i: number,
	keep: (x: WixLabel | WixField) => boolean = () => true,
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', i) as boolean;
	const all = (r.resource === 'label' ? await listLabels(ctx) : await listFields(ctx)).filter(keep);
	return (returnAll
		? all
		: all.slice(0, ctx.getNodeParameter('limit', i) as number)) as unknown as IDataObject[];
}

export async function rename(
	ctx: IExecuteFunctions,
	r: KeyedResource,
	i: number,
): Promise<IDataObject> {
	const key = requireText(ctx, 'key', r.noun, i);
	const displayName = requireText(ctx, 'newDisplayName', 'New Display Name', i);
	const response = await wixApiRequest<IDataObject>(ctx, r.api.rename(key, displayName), i);
	forgetSchema(ctx);
	return response[r.one] as IDataObject;
}

export async function remove(
	ctx: IExecuteFunctions,
	r: KeyedResource,
	i: number,
): Promise<IDataObject> {
	const key = requireText(ctx, 'key', r.noun, i);
	await wixApiRequest(ctx, r.api.remove(key), i);
	forgetSchema(ctx);
	return { deleted: true, key };
}
