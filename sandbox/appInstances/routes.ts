// App Management (wix-api.md F.1): what an app token learns about the instance it was minted for.
import type { GetAppInstanceResponseOriginal } from '@wix/auto_sdk_app-management_app-instances/meta';

import { appError } from '../core/errors';
import { READ, routesFor } from '../core/router';
import type { Rest } from '../core/types';

export const appInstancesRoutes = [
	routesFor()(
		'GET',
		'/apps/v1/instance',
		READ,
		({ caller, creds }): Rest<GetAppInstanceResponseOriginal> => {
			if (caller.kind !== 'app')
				throw appError(
					403,
					'PERMISSION_DENIED',
					'Get App Instance needs an app access token, not an API key',
				);
			return {
				instance: {
					instanceId: creds.instanceId,
					appName: 'n8n sandbox app',
					appVersion: '1.0.0',
					isFree: true,
				},
				site: {
					siteId: creds.siteId,
					siteDisplayName: 'Wix Sandbox Site',
					locale: 'en',
					paymentCurrency: 'USD',
				},
			};
		},
	),
];
