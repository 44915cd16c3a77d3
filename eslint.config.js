import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * The dependency direction of ../shared/design/architecture.md §7, enforced.
 * Two deviations, on purpose: src/lib may import src/contracts, because the API client
 * parses the contract's error body (contracts are schemas, not domain logic); and every layer
 * may import src/language (how Swedish text writes numbers and counts), which imports nothing.
 */
const elements = [
  { type: 'language', pattern: 'src/language' },
  { type: 'form-engine', pattern: 'src/form-engine' },
  { type: 'contracts', pattern: 'src/contracts' },
  { type: 'lib', pattern: 'src/lib' },
  { type: 'ui', pattern: 'src/components' },
  { type: 'config', pattern: 'src/config' },
  { type: 'form-renderer', pattern: 'src/form-renderer' },
  { type: 'services', pattern: 'src/services' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'app', pattern: 'src/app' },
  { type: 'testing', pattern: 'src/testing' },
  { type: 'definitions', pattern: 'src/definitions' },
  { type: 'server', pattern: 'server' },
  { type: 'mocks', pattern: 'mocks' },
  { type: 'e2e', pattern: 'e2e' },
];

/** Imports only the Node server (server/node) and the store's own files make. */
const sqlOnlyOnTheServer = [
  {
    regex: '^(pg|@electric-sql/pglite)(/|$)|/store/sql(-[a-z]+)?$',
    message: "The SQL store is the Node server's: the browser and the handlers never import it.",
  },
];

const types = (list) => ({ element: { types: { anyOf: list } } });
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: [{ to: types(to) }],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      // The library-floor benchmark's own build.
      'bench/library-floor/dist',
      'node_modules',
      'public/mockServiceWorker.js',
      // The peer benchmark, copied from the shared folder (bench/peers/SOURCE.md); its own tooling.
      'bench/peers',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Production code keeps to the table; tests may also use the testing kit and the mocks.
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts', 'server/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('language', ['language']),
            allow('form-engine', ['form-engine', 'language']),
            allow('contracts', ['contracts', 'form-engine', 'language']),
            allow('lib', ['lib', 'ui', 'config', 'contracts', 'language']),
            allow('ui', ['ui', 'lib', 'config', 'language']),
            allow('config', ['config']),
            allow('form-renderer', ['form-renderer', 'form-engine', 'ui', 'lib', 'language']),
            allow('definitions', ['definitions', 'form-engine', 'language']),
            // Services the renderer and several features need (diagnoses, definitions): over the API.
            allow('services', [
              'services',
              'language',
              'contracts',
              'lib',
              'definitions',
              'form-engine',
              'form-renderer',
            ]),
            {
              // Features never import each other: only their own folder and shared layers.
              from: { element: { type: 'feature' } },
              allow: [
                {
                  to: {
                    element: {
                      type: 'feature',
                      captured: { feature: '{{from.captured.feature}}' },
                    },
                  },
                },
                {
                  to: types([
                    'language',
                    'form-renderer',
                    'form-engine',
                    'contracts',
                    'ui',
                    'lib',
                    'config',
                    'definitions',
                    'services',
                  ]),
                },
              ],
            },
            allow('app', [
              'app',
              'language',
              'services',
              'feature',
              'form-renderer',
              'form-engine',
              'contracts',
              'ui',
              'lib',
              'config',
              'definitions',
              'mocks',
            ]),
            allow('server', ['server', 'contracts', 'form-engine', 'definitions', 'language']),
            allow('mocks', ['mocks', 'server', 'contracts', 'form-engine', 'definitions']),
            allow('e2e', ['e2e', 'mocks', 'contracts', 'form-engine', 'definitions', 'language']),
            // The contract checks of every test run and the test store's type come from the backend.
            allow('testing', ['testing', 'mocks', 'server', 'contracts', 'lib']),
          ],
        },
      ],
    },
  },
  {
    // architecture.md §1: the backend knows its home only through its transport and store
    // adapters, so it imports neither MSW (mocks/ wires it) nor React.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^msw(/|$)', message: 'server/ runs without MSW: mocks/ wires it.' },
            { regex: '^react(-dom)?(/|$)', message: 'server/ never imports React.' },
          ],
        },
      ],
    },
  },
  {
    // The SQL store and its drivers (PGlite's WebAssembly PostgreSQL, pg) are the Node server's
    // (server/node) and their own tests': the app, the embedded backend's wiring and the
    // handlers never import them, so they never reach the browser bundle.
    files: ['server/**/*.ts'],
    ignores: ['server/store/**', 'server/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^msw(/|$)', message: 'server/ runs without MSW: mocks/ wires it.' },
            { regex: '^react(-dom)?(/|$)', message: 'server/ never imports React.' },
            ...sqlOnlyOnTheServer,
          ],
        },
      ],
    },
  },
  {
    // mocks/node.ts wires Vitest, in Node only: it may run the handler tests on the SQL store.
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts'],
    ignores: ['mocks/node.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: sqlOnlyOnTheServer }] },
  },
  {
    // architecture.md §7: the engine imports zod and its own files, nothing else (no React, no
    // DOM helpers, no app code; no date library is used), but for the Swedish number and count
    // formats of its messages (src/language). Top-level files: a parent path leaves it.
    files: ['src/form-engine/*.ts'],
    ignores: ['src/form-engine/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./language/)',
              message: 'src/form-engine imports only zod, its own files and src/language.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/form-engine/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|vitest$|fast-check$)',
              message:
                'src/form-engine imports only zod and its own files (tests: also vitest, fast-check).',
            },
          ],
        },
      ],
    },
  },
  {
    // One folder down (testing/): the parent is the engine, two levels up leaves it.
    files: ['src/form-engine/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./(?!\\.\\./)|vitest$|fast-check$)',
              message: 'src/form-engine imports only zod and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/testing/**', 'e2e/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      // Asymmetric matchers (expect.any, expect.stringContaining) are typed `any` by Vitest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
