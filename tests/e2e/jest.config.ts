/**
 * End-to-end tests: real HTTP against a running gateway (GATEWAY_URL), with the real services,
 * MongoDB-compatible server, RabbitMQ and Redis behind it. `npm test` starts the system first;
 * alone: `node tools/system/system.mjs start && npx jest -c tests/e2e/jest.config.ts`.
 */
export default {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
};
