/**
 * End-to-end tests: real HTTP against a running gateway (GATEWAY_URL), with the real services,
 * MongoDB-compatible server, RabbitMQ and Redis behind it. `npm test` starts the system first;
 * alone: `node tools/system/system.mjs start && npx jest -c tests/e2e/jest.config.ts`.
 */
const ESM_ONLY = ['puppeteer-core', '@puppeteer/browsers', 'chromium-bidi'];

export default {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
  transform: {
    // puppeteer-core (the browser specs' driver) and the packages it loads ship only ES modules, which
    // Jest's CommonJS runtime cannot require: compiled to CommonJS like the specs (first match wins).
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
    ],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js'],
};
