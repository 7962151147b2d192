/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What n8n started by `npm start` and the tests takes from the caller's environment.
import { inheritedEnvironment } from '../../scripts/n8n-instance';

test('n8n gets the trusted certificates and the basics, not the test runner’s settings', () => {
	const env = inheritedEnvironment({
		HOME: '/home/ada',
		PATH: '/usr/bin',
		NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
		SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
		SSL_CERT_DIR: '/etc/ssl/certs',
		NODE_ENV: 'test',
		JEST_WORKER_ID: '1',
		npm_config_registry: 'https://registry.example/',
	});
	expect(env).toEqual({
		HOME: '/home/ada',
		PATH: '/usr/bin',
		NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
		SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
		SSL_CERT_DIR: '/etc/ssl/certs',
	});
});
