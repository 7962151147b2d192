// The site's own backend functions (velo/http-functions.js), for what Wix has no REST API for.
import type { WixApiErrors } from '../transport';

const SECRET_HINT =
	'The site’s backend refused the shared secret: the Wix Site Backend credential’s secret must equal the n8n-shared-secret in the site’s Secrets Manager.';

export const errors: WixApiErrors = {
	hints: {
		UNAUTHENTICATED: SECRET_HINT,
		'401': SECRET_HINT,
		'403': SECRET_HINT,
		'404':
			'The site has no such backend function: copy velo/http-functions.js into the site’s backend (backend/http-functions.js), publish the site, and check the Site URL on the credential.',
	},
};
