// Six layers, all run by `npm test`: unit (pure functions), integration (operations against a
// sandbox over HTTP), e2e (one real n8n shared by every e2e test file), n8n1 (the newest n8n 1.x
// on Node 22: registration, a template, a signed webhook), queue (n8n scaled out:
// Postgres, Redis, main, a webhook processor and workers) and browser (the `npm start` stack toured
// in Chromium).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };

const modulePathIgnorePatterns = ['<rootDir>/dist/'];

module.exports = {
	projects: [
		{ displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform, testEnvironment: 'node', modulePathIgnorePatterns },
		{
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			transform,
			testEnvironment: 'node',
			modulePathIgnorePatterns,
		},
		{
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform,
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
		},
		{
			displayName: 'n8n1',
			testMatch: ['<rootDir>/test/n8n1/**/*.test.ts'],
			transform,
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			globalSetup: '<rootDir>/test/n8n1/globalSetup.ts',
		},
		{
			displayName: 'queue',
			testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
			transform,
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			globalSetup: '<rootDir>/test/queue/globalSetup.ts',
			globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
		},
		{ displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'], transform, testEnvironment: 'node', modulePathIgnorePatterns },
	],
	testTimeout: 150000,
};
