// Wix Automations API v2.
import type { IDataObject } from 'n8n-workflow';

import type { AllItemsRequest, WixApiErrors, WixRequest } from '../transport';

export const AUTOMATIONS_PATH = '/automations-service/v2/automations';

export const errors: WixApiErrors = {
	hints: {
		'403':
			'The API key or app needs the Wix Automations permission (Manage Automations) to register the trigger.',
	},
};

const automationPath = (id: string) => `${AUTOMATIONS_PATH}/${encodeURIComponent(id)}`;

export const get = (id: string): WixRequest => ({
	method: 'GET',
	path: automationPath(id),
	errors,
});

export const create = (automation: IDataObject): WixRequest => ({
	method: 'POST',
	path: AUTOMATIONS_PATH,
	body: { automation },
	errors,
});

export const remove = (id: string): WixRequest => ({
	method: 'DELETE',
	path: automationPath(id),
	errors,
});

/** Every automation of the site (cursor paging, 100 per page). */
export const queryAll = (): AllItemsRequest => ({
	method: 'POST',
	path: `${AUTOMATIONS_PATH}/query`,
	body: { query: {} },
	model: 'cursor',
	itemsKey: 'automations',
	pageSize: 100,
	pagingIn: 'query',
	errors,
});
