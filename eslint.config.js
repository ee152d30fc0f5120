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
const noHttpBelowRoutes = {
  group: ['fastify', '@fastify/*', '**/http/**'],
  message: 'Services and repositories know nothing of HTTP: take (actor, input) and throw AppError.',
};
// The jobs table is the outbox: only src/server/jobs (jobs.enqueue / enqueueMany, the queue) and src/server/db write it.
const jobsOutboxMessage = 'Only src/server/jobs writes the jobs table: call jobs.enqueue(tx, def, payload) / jobs.enqueueMany(tx, def, rows).';
const jobsTableOnlyInJobs = [
  { group: ['**/db/schema/index.ts', '**/db/schema/index', '**/db/schema'], importNames: ['jobs'], message: jobsOutboxMessage },
  { group: ['**/db/schema/jobs.ts', '**/db/schema/jobs'], message: jobsOutboxMessage },
];
const jobsSql = String.raw`/\b(insert\s+into|update|delete\s+from)\s+["']?jobs\b/i`;
const noSetInterval = { selector: "CallExpression[callee.name='setInterval']", message: 'Use a scheduled job (jobs/queue.ts): setInterval runs twice with two instances.' };
const noJobsSql = [
  { selector: `Literal[value=${jobsSql}]`, message: jobsOutboxMessage },
  { selector: `TemplateElement[value.raw=${jobsSql}]`, message: jobsOutboxMessage },
];

export default tseslint.config(
  // src/.lint-fixtures: written and removed by test/lint-rules.unit.test.ts (which lints them with ignore: false).
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'src/server/db/migrations/**',
      'bench/**/*.js',
      'src/.lint-fixtures/**',
      'src/server/modules/.example-*/**',
      'docs/example-module/**',
    ],
  },
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
      'no-restricted-syntax': ['error', noSetInterval, ...noJobsSql],
    },
  },
  {
    files: ['src/server/jobs/**', 'src/server/db/**'],
    rules: { 'no-restricted-syntax': ['error', noSetInterval] },
  },
  {
    // Everywhere (the layer blocks below repeat it, as a later block replaces the rule's options): the jobs table
    // is imported only by the jobs module and the db layer. Tests may read it to assert what was enqueued.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/server/jobs/**', 'src/server/db/**', '**/*.test.ts', 'test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: jobsTableOnlyInJobs }] },
  },
  {
    // No import cycles in src/ (issue #11). Imports are written with their .ts extension, so Node's resolution finds
    // the file as written. `import type` (and imports whose every name is `type`) are not followed: they vanish at
    // run time and cannot make an initialisation-order cycle. scripts/check-cycles.ts (run by npm run lint) counts
    // them too, so a cycle of types between modules fails lint as well.
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
    // Inside a module's folder. (The module list itself, src/server/modules/*.ts, has its own block below.)
    files: ['src/server/modules/*/**/*.ts'],
    ignores: ['src/server/modules/**/*.repository.ts', 'src/server/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqlOnlyInRepositories, otherModulesViaIndex] }] },
  },
  {
    files: ['src/server/modules/*.ts'],
    ignores: ['src/server/modules/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [sqlOnlyInRepositories, { regex: String.raw`^\./[^/]+/(?!index\.ts$)`, message: "List a module through its index.ts, e.g. './units/index.ts'." }] },
      ],
    },
  },
  // One block per kind of file: a later block replaces an earlier one's no-restricted-imports options, so each
  // lists every pattern that applies to it (a service keeps the SQL rule of the block above).
  {
    files: ['src/server/modules/**/*.repository.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noHttpBelowRoutes, otherModulesViaIndex, ...jobsTableOnlyInJobs] }] },
  },
  {
    files: ['src/server/modules/**/*.service.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqlOnlyInRepositories, noHttpBelowRoutes, otherModulesViaIndex] }] },
  },
  {
    files: ['src/server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [sqlOnlyInRepositories, otherModulesViaIndex, { group: ['./*.repository.ts'], message: 'Routes call one service function; the service calls the repository.' }],
        },
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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', 'drizzle-orm', 'fastify'], message: 'The admin UI talks to the server only through the HTTP API (src/web/api).' }] },
      ],
    },
  },
  {
    // src/shared is imported by both the server and the admin UI: plain TypeScript and zod only.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', 'fastify', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'react', 'react-dom', '@mantine/*'],
              message: 'src/shared holds contracts both sides import: it may not import server or web code, fastify, drizzle or React.',
            },
          ],
        },
      ],
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
