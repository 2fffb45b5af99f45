export default {
  displayName: 'auth-feature',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // jose ships ES modules only: compile it for Jest's CommonJS runtime.
    '/node_modules/jose/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false },
    ],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/auth/feature',
};
