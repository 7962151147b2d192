// Three layers, all run by `npm test`: unit (pure functions), integration (operations against a
// sandbox over HTTP) and e2e (one real n8n shared by every e2e test file).
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
	],
	testTimeout: 150000,
};
