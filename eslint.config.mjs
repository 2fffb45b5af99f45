import nx from '@nx/eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';

/**
 * Module boundaries (shared/STYLE.md §2): a service's libs reach only their own scope and
 * scope:shared; contracts depend on nothing; apps are never imported.
 */
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...['gateway', 'auth', 'catalog', 'orders', 'notifications'].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  // The storefront runs in the browser: the contracts' types are all it may take (see below).
  { sourceTag: 'scope:storefront', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  // Verifying access tokens: the JWKS comes from auth over RPC, so it builds on messaging.
  { sourceTag: 'type:security', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:messaging'] },
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: [
      'type:contracts',
      'type:util',
      'type:messaging',
      'type:persistence',
      'type:security',
    ],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:domain'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:contracts',
      'type:util',
      'type:messaging',
      'type:persistence',
      'type:security',
      'type:domain',
    ],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:contracts',
      'type:util',
      'type:messaging',
      'type:persistence',
      'type:security',
      'type:runtime',
      'type:domain',
      'type:feature',
    ],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:messaging', 'type:persistence'],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:messaging', 'type:testing'],
  },
];

/** Specs may also use the test helpers (fixtures, a private broker); production code may not. */
const specDepConstraints = depConstraints.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'],
}));

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: constraints,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    // observability/jaeger/ui: jaeger-ui's vendored production build (minified, not ours).
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.infra',
      '**/tmp',
      '**/bench/results',
      'observability/jaeger/ui',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Tells consistent-type-imports that classes in decorated constructors are runtime values
      // (Nest's dependency injection reads them from emitted metadata).
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The storefront's browser code: the contracts' DTO classes carry Nest and class-validator
    // decorators that must never reach the bundle, so only `import type` of them is allowed.
    files: ['apps/storefront/src/**/*.ts', 'apps/storefront/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@bookstore/shared/contracts',
              allowTypeImports: true,
              message:
                'The storefront may import types only from the contracts (their classes are server code).',
            },
          ],
          patterns: [
            {
              group: [
                '@nestjs/*',
                'class-validator',
                'class-transformer',
                'node:*',
                '@bookstore/*/*',
                '!@bookstore/shared/contracts',
              ],
              message: 'Server code: the storefront runs in the browser and talks to the public API only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/*/*/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(specDepConstraints) },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      'libs/shared/testing/**/*.ts',
      'tests/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
