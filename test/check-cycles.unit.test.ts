// scripts/check-cycles.ts (a step of npm run lint) on small fixture trees: run-time, type-only and dynamic-import
// cycles are found with one example path each; an acyclic tree passes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles } from '../scripts/check-cycles.ts';

const root = mkdtempSync(join(tmpdir(), 'loa-cycles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name, path)), { recursive: true });
    writeFileSync(join(root, name, path), text);
  }
  return name;
}

describe('check-cycles', () => {
  it('finds a run-time cycle across modules, through an index.ts', () => {
    const dir = tree('runtime', {
      'a/index.ts': "export { a } from './a.service.ts';\n",
      'a/a.service.ts': "import { b } from '../b/index.ts';\nexport const a = () => b();\n",
      'b/index.ts': "export * from './b.service.ts';\n",
      'b/b.service.ts': "import { a } from '../a/index.ts';\nexport const b = () => a;\n",
      'c/c.ts': "import { a } from '../a/index.ts';\nexport const c = a;\n",
    });
    const cycles = findCycles(root, [dir]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.files).toEqual(['runtime/a/a.service.ts', 'runtime/a/index.ts', 'runtime/b/b.service.ts', 'runtime/b/index.ts']);
    expect(cycles[0]!.example).toEqual(['runtime/a/a.service.ts', 'runtime/b/index.ts', 'runtime/b/b.service.ts', 'runtime/a/index.ts', 'runtime/a/a.service.ts']);
  });

  it('counts import type, export type … from and import() as edges', () => {
    const dir = tree('types', {
      'api.ts': "import { t } from './i18n.ts';\nexport type Role = 'admin';\nexport const x = t;\n",
      'i18n.ts': "import type { Role } from './api.ts';\nexport const t = (r: Role) => r;\n",
      'p.ts': "export type { Q } from './q.ts';\nexport interface P { n: number }\n",
      'q.ts': "import { type P } from './p.ts';\nexport type Q = P;\n",
      'lazy.ts': "export const load = () => import('./eager.ts');\n",
      'eager.ts': "import { load } from './lazy.ts';\nexport const e = load;\n",
    });
    expect(findCycles(root, [dir]).map((c) => c.files)).toEqual(
      expect.arrayContaining([
        ['types/api.ts', 'types/i18n.ts'],
        ['types/p.ts', 'types/q.ts'],
        ['types/eager.ts', 'types/lazy.ts'],
      ]),
    );
  });

  it('passes an acyclic tree (packages and missing files are not edges; dot folders are skipped)', () => {
    const dir = tree('clean', {
      'shared/contracts.ts': "import { z } from 'zod';\nexport const S = z.string();\n",
      'server/x.ts': "import { S } from '../shared/contracts.ts';\nimport './missing.ts';\nexport const x = S;\n",
      'web/y.tsx': "import { S } from '../shared/contracts.ts';\nexport const y = S;\n",
      '.scratch/a.ts': "import './b.ts';\n",
      '.scratch/b.ts': "import './a.ts';\n",
    });
    expect(findCycles(root, [dir])).toEqual([]);
  });
});
