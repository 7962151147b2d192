import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as badgesApi from '../../../api/badges';
import { findMembersBy } from '../../../member/lookup';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequestAllItems } from '../../../transport';
import { badgeLocator, requiredValue } from '../../descriptions';

const properties: INodeProperties[] = [
	{ ...badgeLocator, description: 'The badge whose members to list' },
	...returnAllOrLimit,
	{
		displayName: 'Include Member Details',
		name: 'includeMembers',
		type: 'boolean',
		default: true,
		description:
			'Whether to output each member (FULL fieldset, one extra request per 100 members) instead of only the member ID',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['badge'], operation: ['getMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const badgeId = requiredValue(this, 'badgeId', 'Badge', i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const memberIds = await forItem(
		this,
		i,
		'Badge',
		async () => await wixApiRequestAllItems<string>(this, badgesApi.listMembers(badgeId, limit), i),
	);
	if (!this.getNodeParameter('includeMembers', i, true))
		return memberIds.map((memberId) => ({ badgeId, memberId }));
	const members = new Map(
		(await findMembersBy(this, 'id', memberIds)).map((m) => [String(m.id), m]),
	);
	return memberIds.map((memberId) => ({
		badgeId,
		memberId,
		...((members.get(memberId) as IDataObject | undefined) ?? {}),
	}));
}
