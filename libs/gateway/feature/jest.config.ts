export default {
  displayName: 'gateway-feature',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // content-disposition (loaded by @fastify/static, the storefront's file server) ships only an ES
    // module, which Jest's CommonJS runtime cannot require: compiled to CommonJS (first match wins).
    '/node_modules/(.+/node_modules/)?content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
    ],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.+/node_modules/)?content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/gateway/feature',
};
