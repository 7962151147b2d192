/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Admin calls for the account's sites: list them, and add one (`POST /_sandbox/sites`). Other admin
// calls act on a site given as `?siteId=` (the first site without it).
import { AdminError, adminRoutesFor } from '../core/admin';
import type { SiteRecord } from './sites';

export interface SitesHost {
	siteRecords(): SiteRecord[];
	addSite(options: { id?: string; displayName?: string; seed?: string }): SiteRecord;
}

export function sitesAdmin(host: SitesHost) {
	const route = adminRoutesFor<unknown>();
	return [
		route('GET', '/sites', () => ({ sites: host.siteRecords() })),
		route('POST', '/sites', ({ body }) => {
			try {
				return {
					site: host.addSite({
						id: typeof body.id === 'string' ? body.id : undefined,
						displayName: typeof body.displayName === 'string' ? body.displayName : undefined,
						seed: typeof body.seed === 'string' ? body.seed : undefined,
					}),
				};
			} catch (error) {
				throw new AdminError(400, (error as Error).message);
			}
		}),
	];
}
