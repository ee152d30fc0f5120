import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from './parse.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../assets/seeds');
const seeds = ['000', '001', '002', '003', '004'].map((n) => readFileSync(path.join(seedsDir, `${n}.txt`), 'utf8'));
/** Generous wall-clock bound per document (the parser's own limit is 2000 ms). */
const MAX_MS = 2500;

const tokens = [
  'Số:',
  '/',
  'V/v',
  'Kính gửi:',
  'Nơi nhận:',
  '- ',
  'Lưu:',
  './.',
  '**',
  '*',
  'KT.',
  'GIÁM ĐỐC',
  'ngày',
  'tháng',
  'năm 2020',
  '16h00',
  'hàng tuần',
  'thứ năm',
  '\n',
  '   ',
  '1. ',
  '(1)',
  '05/CT- BTTTT',
  'trong vòng',
  'a@b.vn',
  '0912 345 678',
  'https://x.vn',
];

/** A seed with random cuts, duplications and insertions of genre tokens. */
const mutatedSeed = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 30 }))), { maxLength: 12 }))
  .map(([text, edits]) =>
    edits.reduce((t, [at, len, insert]) => {
      const i = t.length ? at % t.length : 0;
      return t.slice(0, i) + insert + t.slice(i + (len % 3 === 0 ? len : 0));
    }, text),
  );

const genreSoup = fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 20 })), { maxLength: 300 }).map((a) => a.join(' '));

function parsesSafely(text: string): void {
  const start = performance.now();
  const d = parseDispatch(text);
  expect(performance.now() - start).toBeLessThan(MAX_MS);
  expect(Array.isArray(d.body)).toBe(true);
  expect(typeof d.docType).toBe('string');
}

describe('robustness', () => {
  it('never throws or hangs on mutated seeds', () => {
    fc.assert(
      fc.property(mutatedSeed, (t) => parsesSafely(t)),
      { numRuns: 300 },
    );
  });

  it('never throws or hangs on random text and genre-token soup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 1000 }), genreSoup), (t) => parsesSafely(t)),
      {
        numRuns: 300,
      },
    );
  });

  it('stays fast on adversarial long inputs', () => {
    const adversarial = [
      ' '.repeat(200_000),
      'Số: '.repeat(50_000),
      `${'1'.repeat(100_000)}/${'A-'.repeat(50_000)}`,
      'Kính gửi:\n'.concat('- a\n'.repeat(50_000)),
      `trước ${'16h '.repeat(50_000)}`,
      `${'X'.repeat(300_000)}@`,
      'a.'.repeat(200_000),
      seeds.join('\n').repeat(20),
    ];
    for (const t of adversarial) parsesSafely(t);
  });
});
