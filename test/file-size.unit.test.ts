// Issue #11: no source file under src/ over 400 lines (split along the seams, CODE_STYLE.md §9).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../src');
const LIMIT = 400;

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'migrations') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) yield p;
  }
}

it(`keeps every source file under src/ at ${LIMIT} lines or fewer`, () => {
  const over = [...sources(ROOT)].map((f) => ({ file: path.relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 })).filter((f) => f.lines > LIMIT);
  expect(over).toEqual([]);
});
