import type { INodeProperties } from 'n8n-workflow';

export const fieldsetsProperty: INodeProperties = {
	displayName: 'Fieldsets',
	name: 'fieldsets',
	type: 'multiOptions',
	options: [
		{ name: 'Basic', value: 'BASIC', description: 'ID, revision, primary email and phone, name' },
		{ name: 'Communication Details', value: 'COMMUNICATION_DETAILS', description: 'Basic plus emails, phones and addresses' },
		{ name: 'Extended', value: 'EXTENDED', description: 'Basic plus custom and system fields' },
		{ name: 'Full', value: 'FULL', description: 'Everything' },
	],
	default: ['FULL'],
	description: 'Which groups of contact fields to return',
};
