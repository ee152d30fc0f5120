// The layer rules of eslint.config.js, proven on small snippets: each forbidden shape is reported, a clean one is not.
// Type information is switched off here (the rules under test need none, and the snippets are not in the tsconfig
// project); `ignore: false` lets the cycle fixtures, written under an ignored folder of src/, be linted.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'src', '.lint-fixtures', randomUUID());

const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: [tseslint.configs.disableTypeChecked as Linter.Config, { languageOptions: { parserOptions: { projectService: false, project: null } } }],
});

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages;
}
const rulesOf = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId);

// Built by concatenation so that this file does not itself trip the rule it tests.
const UPDATE_JOBS = 'UPDATE' + ' jobs';
const INSERT_JOBS = 'INSERT INTO' + ' jobs';

beforeAll(() => {
  mkdirSync(fixtures, { recursive: true });
  writeFileSync(join(fixtures, 'a.ts'), "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
  writeFileSync(join(fixtures, 'b.ts'), "import { c } from './c.ts';\nexport const b = (): number => c();\n");
  writeFileSync(join(fixtures, 'c.ts'), "import { a } from './a.ts';\nexport const c = (): number => (a.length > 0 ? 1 : 0);\n");
  // A cycle closed only by `import type`: erased at run time, so not reported.
  writeFileSync(join(fixtures, 'p.ts'), "import { q } from './q.ts';\nexport interface P { n: number }\nexport const p = q;\n");
  writeFileSync(join(fixtures, 'q.ts'), "import type { P } from './p.ts';\nexport const q = (x: P): number => x.n;\n");
  writeFileSync(join(fixtures, 'clean.ts'), "import { q } from './q.ts';\nexport const r = q;\n");
});
afterAll(() => {
  rmSync(fixtures, { recursive: true, force: true });
  if (readdirSync(dirname(fixtures)).length === 0) rmSync(dirname(fixtures), { recursive: true, force: true }); // another run may still use it
});

describe('lint rules', () => {
  it('reports an import cycle in src/ (a → b → c → a), on every file of it', async () => {
    const results = await eslint.lintFiles(['a.ts', 'b.ts', 'c.ts'].map((f) => join(fixtures, f)));
    for (const r of results) expect(rulesOf(r.messages), r.filePath).toContain('import-x/no-cycle');
  });

  it('does not follow import type, nor report a file outside any cycle', async () => {
    const results = await eslint.lintFiles(['p.ts', 'q.ts', 'clean.ts'].map((f) => join(fixtures, f)));
    for (const r of results) expect(r.messages, r.filePath).toEqual([]);
  });

  it('reports an import of the jobs table outside the jobs module', async () => {
    const code = "import { jobs, units } from '../../db/schema/index.ts';\nexport const tables = [jobs, units];\n";
    for (const file of ['src/server/modules/x/x.repository.ts', 'src/server/platform/x.ts', 'src/server/demo/x.ts']) {
      const messages = await lint(code, file);
      expect(messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n'), file).toMatch(/no-restricted-imports: 'jobs' import .* Only src\/server\/jobs writes the jobs table/);
    }
    expect(rulesOf(await lint("import { jobs } from '../db/schema/jobs.ts';\nexport { jobs };\n", 'src/server/http/x.ts'))).toContain('no-restricted-imports');
    expect(await lint("import { jobs } from '../db/schema/index.ts';\nexport { jobs };\n", 'src/server/jobs/x.repository.ts')).toEqual([]);
  });

  it('reports SQL that writes the jobs table outside the jobs module (template literal or string)', async () => {
    const tpl = `import { sql } from 'drizzle-orm';\nexport const q = (id: string) => sql\`${UPDATE_JOBS} SET status = 'done' WHERE id = \${id}\`;\n`;
    const str = `export const q = ${JSON.stringify(`${INSERT_JOBS} (id, name) VALUES ($1, $2)`)};\n`;
    expect(rulesOf(await lint(tpl, 'src/server/modules/x/x.repository.ts'))).toEqual(['no-restricted-syntax']);
    expect(rulesOf(await lint(str, 'src/server/modules/x/x.repository.ts'))).toEqual(['no-restricted-syntax']);
    expect(rulesOf(await lint(str, 'src/server/platform/x.ts'))).toEqual(['no-restricted-syntax']);
    expect(await lint(tpl, 'src/server/jobs/x.repository.ts')).toEqual([]);
    expect(await lint("export const q = 'UPDATE jobsets SET a = 1; SELECT * FROM jobs';\n", 'src/server/platform/x.ts')).toEqual([]);
  });

  it('reports server code imported from src/web', async () => {
    const messages = await lint("import { AppError } from '../../../server/platform/errors.ts';\nexport const E = AppError;\n", 'src/web/features/x/x.ts');
    expect(messages.map((m) => m.message).join('\n')).toMatch(/only through the HTTP API/);
  });

  it('reports src/shared importing server or web code, fastify or drizzle', async () => {
    for (const spec of ['../server/platform/errors.ts', '../web/api.ts', 'fastify', 'drizzle-orm']) {
      const messages = await lint(`import * as m from '${spec}';\nexport const x = m;\n`, 'src/shared/contracts/x.ts');
      expect(messages.map((m) => m.message).join('\n'), spec).toMatch(/src\/shared holds contracts/);
    }
  });

  it('keeps each layer rule where blocks overlap: a service may neither touch SQL nor import HTTP', async () => {
    const sqlInService = "import { sql } from 'drizzle-orm';\nexport const q = sql`SELECT 1`;\n";
    expect((await lint(sqlInService, 'src/server/modules/x/x.service.ts')).map((m) => m.message).join('\n')).toMatch(/Only \*\.repository\.ts files/);
    const httpInRepository = "import type { FastifyRequest } from 'fastify';\nexport type R = FastifyRequest;\n";
    expect((await lint(httpInRepository, 'src/server/modules/x/x.repository.ts')).map((m) => m.message).join('\n')).toMatch(/know nothing of HTTP/);
    expect((await lint(httpInRepository, 'src/server/modules/x/x.service.ts')).map((m) => m.message).join('\n')).toMatch(/know nothing of HTTP/);
  });

  it('the module list (src/server/modules/*.ts) takes each module through its index.ts', async () => {
    expect(rulesOf(await lint("import { x } from './units/units.service.ts';\nexport const m = [x];\n", 'src/server/modules/registry.ts'))).toEqual(['no-restricted-imports']);
    expect(await lint("import { AppError } from '../platform/errors.ts';\nexport const E = AppError;\n", 'src/server/modules/module.ts')).toEqual([]);
  });

  it('passes clean code', async () => {
    expect(await lint("import { z } from 'zod';\nexport const Limit = z.number().int().max(10);\n", 'src/shared/contracts/x.ts')).toEqual([]);
    expect(await lint("import { units } from '../../db/schema/index.ts';\nexport const t = units;\n", 'src/server/modules/x/x.repository.ts')).toEqual([]);
    expect(await lint("import { translate } from '../../i18n.ts';\nexport const t = translate;\n", 'src/web/features/x/x.ts')).toEqual([]);
  });
});
