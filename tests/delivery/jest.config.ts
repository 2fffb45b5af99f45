export default {
  displayName: 'delivery',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/tests/delivery',
  // First runs build Go tools, npm-install an app and start it: minutes, not seconds.
  testTimeout: 60_000,
};
