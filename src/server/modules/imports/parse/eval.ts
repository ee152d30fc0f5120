/**
 * Field-level evaluation of the parser against gold annotations: a folder of documents
 * (NN.txt, .md, .docx or .pdf) each with NN.gold.json beside it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedDispatch } from '../../../../shared/dispatch.ts';
import { extractText } from './extract.ts';
import { parseDispatch } from './parse.ts';

/** The fields scored, in contract order. */
export const EVAL_FIELDS = [
  'issuerParent',
  'issuer',
  'number',
  'symbol',
  'docType',
  'place',
  'date',
  'subject',
  'urgency',
  'recipients',
  'cc',
  'archive',
  'citations',
  'emails',
  'phones',
  'urls',
  'deadlines',
  'signerAuthority',
  'signerPosition',
  'signerTitle',
  'signerName',
  'body',
  'sections',
  'tasks',
  'reportForm',
] as const satisfies ReadonlyArray<keyof ParsedDispatch>;

export type EvalField = (typeof EVAL_FIELDS)[number];

export interface EvalReport {
  documents: number;
  /** Share of documents (0..1) whose field equals the gold exactly. */
  fields: Record<EvalField, number>;
  /** Mean over fields. */
  overall: number;
  /** Every mismatch, as "document: field". */
  failures: string[];
}

/** Canonical JSON (sorted keys) so that key order does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Names of the fields whose parsed value differs from the gold. */
export function mismatchedFields(parsed: ParsedDispatch, gold: Partial<ParsedDispatch>): EvalField[] {
  return EVAL_FIELDS.filter((f) => canonical(parsed[f] ?? null) !== canonical(gold[f] ?? null));
}

/** Scores the parser on every document of `dir` that has a gold file. */
export async function evaluateFolder(dir: string): Promise<EvalReport> {
  const names = await readdir(dir);
  const docs = names
    .filter((n) => /\.(txt|md|docx|pdf)$/i.test(n))
    .filter((n) => names.includes(`${n.replace(/\.[^.]+$/, '')}.gold.json`))
    .sort();
  const correct = Object.fromEntries(EVAL_FIELDS.map((f) => [f, 0])) as Record<EvalField, number>;
  const failures: string[] = [];
  for (const doc of docs) {
    const gold = JSON.parse(await readFile(path.join(dir, `${doc.replace(/\.[^.]+$/, '')}.gold.json`), 'utf8')) as Partial<ParsedDispatch>;
    const parsed = parseDispatch(await extractText(path.join(dir, doc)));
    const wrong = new Set(mismatchedFields(parsed, gold));
    for (const f of EVAL_FIELDS) {
      if (wrong.has(f)) failures.push(`${doc}: ${f}`);
      else correct[f] += 1;
    }
  }
  const fields = Object.fromEntries(EVAL_FIELDS.map((f) => [f, docs.length ? correct[f] / docs.length : 0])) as Record<EvalField, number>;
  const overall = EVAL_FIELDS.reduce((sum, f) => sum + fields[f], 0) / EVAL_FIELDS.length;
  return { documents: docs.length, fields, overall, failures };
}
