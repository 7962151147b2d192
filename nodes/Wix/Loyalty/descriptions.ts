// Parameters several Wix Loyalty operations share: the account picker, how an account is named
// (by account, contact or member ID), and how their values are read.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GUID_REGEX } from '../shared/descriptions';
import { itemError } from '../shared/itemErrors';

export const guidMode = (what: string) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 8046df3c-7575-4098-a5ab-c91ad8f33c47',
	validation: [
		{
			type: 'regex' as const,
			properties: {
				regex: `^\\s*${GUID_REGEX}\\s*$`,
				errorMessage: `Not a valid Wix ${what} ID (a GUID)`,
			},
		},
	],
});

/** The loyalty account picker: from a searchable list (name or email) or by ID. */
export function accountLocator(description = 'The loyalty account to act on'): INodeProperties {
	return {
		displayName: 'Account',
		name: 'accountId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
			},
			guidMode('loyalty account'),
		],
		description,
	};
}

/** A parameter's value (a resource locator's value, or plain text), trimmed; empty is an error. */
export function requiredValue(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): string {
	const value = String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
	if (!value)
		throw itemError(
			ctx,
			i,
			label,
			'INVALID_ARGUMENT',
			`No ${label} given`,
			`Pick the ${label.toLowerCase()} from the list, or give its ID (an expression such as {{ $json.id }} works too)`,
		);
	return value;
}
