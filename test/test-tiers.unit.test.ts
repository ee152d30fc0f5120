// House rules of the test suite (issue #11): every test file names its tier by suffix, and production code under
// src/ never imports from test/ (test builders and fixtures live under test/, never in src/).
// Until every folder's tests are renamed, the first test lists the files still to rename.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TIERS = ['unit', 'api', 'db', 'browser', 'cli'] as const;
const TIER_SUFFIX = new RegExp(String.raw`\.(${TIERS.join('|')})\.test\.tsx?$`);
const TEST_FILE = /\.test\.tsx?$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(rel));
    else out.push(rel.split(sep).join('/'));
  }
  return out;
}

/** Relative module specifiers of a file: import/export … from '…', import '…', import('…'). */
function specifiers(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1]!);
}

describe('test tiers', () => {
  it('every *.test.ts under src/, test/ and e2e/ ends in .unit, .api, .db, .browser or .cli .test.ts', () => {
    const untiered = ['src', 'test', 'e2e'].flatMap(walk).filter((f) => TEST_FILE.test(f) && !TIER_SUFFIX.test(f));
    expect(untiered, `rename with git mv to one of: ${TIERS.map((t) => `.${t}.test.ts`).join(', ')}`).toEqual([]);
  });

  it('no production file under src/ imports from test/', () => {
    const offenders: string[] = [];
    for (const file of walk('src').filter((f) => /\.(ts|tsx|mts|mjs|js)$/.test(f) && !TEST_FILE.test(f))) {
      for (const spec of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
          .split(sep)
          .join('/');
        if (target === 'test' || target.startsWith('test/')) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders, 'move the helper to test/ (test/builders/…) and import it from the test files').toEqual([]);
  });
});
