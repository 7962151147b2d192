import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as membersApi from '../../../api/members';
import { memberLocator } from '../../../member/locator';
import { forItem } from '../../../shared/itemErrors';
import { wixApiRequest } from '../../../transport';
import { fieldsetProperty, requiredValue } from '../../descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['get'] } },
	[memberLocator('The member to get'), fieldsetProperty],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requiredValue(this, 'memberId', 'Member', i);
	const fieldset = this.getNodeParameter('fieldset', i, 'FULL') as string;
	const { member } = await forItem(
		this,
		i,
		'Member',
		async () =>
			await wixApiRequest<{ member: membersApi.WixMember }>(
				this,
				membersApi.get(id, [fieldset]),
				i,
			),
	);
	return member as IDataObject;
}
