// The badge fields Create and Update share, and turning them into Wix's Badge.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WixBadge } from '../../../api/badges';
import { itemError } from '../../../shared/itemErrors';

export const badgeFieldOptions: INodeProperties[] = [
	{
		displayName: 'Background Color',
		name: 'backgroundColor',
		type: 'color',
		default: '#FFFFFF',
		description: 'Hex color of the badge, e.g. #C81B53',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the badge stands for',
	},
	{
		displayName: 'Icon URL',
		name: 'icon',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/star.svg',
		description: 'An SVG image works best',
	},
	{
		displayName: 'Permissions Enabled',
		name: 'permissionsEnabled',
		type: 'boolean',
		default: false,
		description:
			'Whether members with the badge get access to members-only pages set in the dashboard',
	},
	{
		displayName: 'Text Color',
		name: 'textColor',
		type: 'color',
		default: '#000000',
		description: 'Hex color of the badge text',
	},
];

export interface BadgeFields {
	title?: string;
	description?: string;
	backgroundColor?: string;
	textColor?: string;
	icon?: string;
	permissionsEnabled?: boolean;
}

const HEX = /^#[0-9A-F]{6}$/;

/** Wix's Badge for the given fields: colors upper-case hex (Wix takes no other form). */
export function badgeOf(ctx: IExecuteFunctions, i: number, fields: BadgeFields): WixBadge {
	const badge: WixBadge = {};
	if (fields.title !== undefined && fields.title.trim()) badge.title = fields.title.trim();
	if (fields.description !== undefined) badge.description = fields.description;
	for (const [key, label] of [
		['backgroundColor', 'Background Color'],
		['textColor', 'Text Color'],
	] as const) {
		const value = fields[key];
		if (value === undefined || value === '') continue;
		const color = String(value).trim().toUpperCase();
		if (!HEX.test(color))
			throw itemError(
				ctx,
				i,
				label,
				'INVALID_ARGUMENT',
				`${label} must be a hex color like #C81B53, not ${JSON.stringify(value)}`,
				'Pick the color again or type six hex digits after #.',
			);
		badge[key] = color;
	}
	if (fields.icon?.trim()) badge.icon = fields.icon.trim();
	if (fields.permissionsEnabled !== undefined) badge.permissionsEnabled = fields.permissionsEnabled;
	return badge;
}
