// Lint: strict TypeScript plus the layer rules of ARCHITECTURE.md, with messages that say what to do.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const sqlOnlyInRepositories = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema/**', 'pg', '@electric-sql/*'],
  message: 'Only *.repository.ts files (and src/server/db) touch the database: call a repository function.',
};
const otherModulesViaIndex = {
  // a sibling module's file other than its index.ts
  regex: String.raw`^\.\./(?!\.)[^/]+/(?!index\.ts$)`,
  message: "Import another module through its index.ts (its public surface), e.g. '../units/index.ts'.",
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'src/server/db/migrations/**', 'bench/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='setInterval']", message: 'Use a scheduled job (jobs/queue.ts): setInterval runs twice with two instances.' }],
    },
  },
  {
    // No import cycles in src/ (issue #11). Imports are written with their .ts extension, so Node's resolution finds
    // the file as written. `import type` (and imports whose every name is `type`) are not followed: they vanish at
    // run time and cannot make an initialisation-order cycle.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/server/modules/**/*.ts'],
    ignores: ['src/server/modules/**/*.repository.ts', 'src/server/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqlOnlyInRepositories, otherModulesViaIndex] }] },
  },
  {
    files: ['src/server/modules/**/*.repository.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModulesViaIndex] }] },
  },
  {
    files: ['src/server/modules/**/*.service.ts', 'src/server/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', '@fastify/*', '**/http/**'], message: 'Services and repositories know nothing of HTTP: take (actor, input) and throw AppError.' },
            otherModulesViaIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [sqlOnlyInRepositories, otherModulesViaIndex, { group: ['./*.repository.ts'], message: 'Routes call one service function; the service calls the repository.' }] },
      ],
    },
  },
  {
    files: ['src/server/site/**/*.ts', 'src/server/http/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [sqlOnlyInRepositories, { group: ['**/modules/*/*', '!**/modules/*/index.ts'], message: 'Use the module through its index.ts.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'drizzle-orm', 'fastify'], message: 'The admin UI talks to the server only through the HTTP API (src/web/api).' }] }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  { files: ['*.js', 'bin/*.mjs', 'scripts/*.mjs', 'src/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['*.js', 'bin/*.mjs', 'scripts/*.mjs', 'src/**/*.mjs'], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } } },
  {
    // postcss-preset-mantine ships no types.
    files: ['vite.config.ts'],
    rules: { '@typescript-eslint/no-unsafe-call': 'off' },
  },
);
