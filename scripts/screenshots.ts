/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// `npm run screenshots`: tours the stack `npm start` runs in Debian's Chromium (scripts/editor-tour.ts)
// and keeps the pictures in docs/images for the README. Needs `apt-get install chromium`.
import { join } from 'node:path';

import { tourNpmStartStack } from './editor-tour';
import { REPO_DIR } from './n8n-instance';

tourNpmStartStack({
	imagesDir: join(REPO_DIR, 'docs', 'images'),
	log: (line) => process.stdout.write(`${line}\n`),
}).catch((error) => {
	console.error(error);
	process.exit(1);
});
