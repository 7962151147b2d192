import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as programsApi from '../../../api/loyaltyPrograms';
import { itemError } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { programOutput } from './output';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Icon Alt Text',
				name: 'iconAltText',
				type: 'string',
				default: '',
				description: 'Text describing the points icon',
			},
			{
				displayName: 'Icon Media ID',
				name: 'iconId',
				type: 'string',
				default: '',
				description: 'The Wix Media ID of the points icon, if it is in the site’s Media Manager',
			},
			{
				displayName: 'Icon URL',
				name: 'iconUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://my-icons.example/star.svg',
				description: 'Image shown next to the points',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Loyalty Rewarded',
				description: 'Program name (2–50 characters)',
			},
			{
				displayName: 'Point Name',
				name: 'pointName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Stars',
				description:
					'What the points are called, best in the plural (at most 20 characters; Wix’s default is "Points")',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['program'], operation: ['update'] } },
	properties,
);

interface UpdateFields {
	name?: string;
	pointName?: string;
	iconUrl?: string;
	iconId?: string;
	iconAltText?: string;
}

/** Changes the program's name, point name and icon. Its status does not change: a DRAFT program stays DRAFT. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', i, {}) as UpdateFields;
	const text = (value?: string) => (value ?? '').trim();
	const program: programsApi.WixLoyaltyProgram = {};
	if (text(fields.name)) {
		const name = text(fields.name);
		if (name.length < 2 || name.length > 50)
			throw itemError(
				this,
				i,
				'Name',
				'INVALID_ARGUMENT',
				`The program name must have 2 to 50 characters, not ${name.length}`,
				'Shorten or lengthen the name and run again.',
			);
		program.name = name;
	}
	const icon: NonNullable<programsApi.WixLoyaltyProgram['pointDefinition']>['icon'] = {};
	if (text(fields.iconUrl)) icon.url = text(fields.iconUrl);
	if (text(fields.iconId)) icon.id = text(fields.iconId);
	if (text(fields.iconAltText)) icon.altText = text(fields.iconAltText);
	if (text(fields.pointName) || Object.keys(icon).length) {
		program.pointDefinition = {};
		if (text(fields.pointName)) {
			if (text(fields.pointName).length > 20)
				throw itemError(
					this,
					i,
					'Point Name',
					'INVALID_ARGUMENT',
					`The point name may have at most 20 characters, not ${text(fields.pointName).length}`,
					'Shorten the point name and run again.',
				);
			program.pointDefinition.customName = text(fields.pointName);
		}
		if (Object.keys(icon).length) program.pointDefinition.icon = icon;
	}
	if (!Object.keys(program).length)
		throw itemError(
			this,
			i,
			'Update Fields',
			'INVALID_ARGUMENT',
			'No fields to update',
			'Add a name, point name or icon under Update Fields.',
		);
	const { loyaltyProgram } = await wixApiRequest<{
		loyaltyProgram?: programsApi.WixLoyaltyProgram;
	}>(this, programsApi.update(program), i);
	return programOutput(loyaltyProgram);
}
