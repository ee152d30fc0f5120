// Validation of a CAP document against the OASIS CAP 1.2 XSD (assets/cap-1.2/) with libxml2 itself, compiled to
// WebAssembly (xmllint-wasm, run in a worker thread): nothing to install beside npm, so a fresh machine's demo
// publishes its exercise alert. The tests check the same documents again with Debian's xmllint.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { CapProblem } from '../../../shared/contracts/alerts.ts';

export const CAP_XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/cap-1.2/CAP-v1.2.xsd');

let schema: string | null = null;
const capSchema = () => (schema ??= readFileSync(CAP_XSD, 'utf8'));

/** "Element '{urn:…:cap:1.2}urgency': [facet 'enumeration'] …" → the field and a Vietnamese message. */
function problemOf(e: { message: string; loc: { lineNumber: number } | null }): CapProblem {
  const detail = e.message
    .replace(/^\s*Schemas validity error\s*:\s*/, '')
    .replace(/\{urn:oasis:names:tc:emergency:cap:1\.2\}/g, '')
    .trim();
  const field = /^Element '([^']+)'/.exec(detail)?.[1] ?? 'xml';
  return { field, message: `Không đúng lược đồ CAP 1.2${e.loc ? ` (dòng ${e.loc.lineNumber})` : ''}: ${detail}` };
}

/** The XSD's complaints about the document ([] when it validates). */
export async function validateAgainstXsd(xml: string): Promise<CapProblem[]> {
  const r = await validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: capSchema() }] });
  if (r.valid) return [];
  const problems = r.errors.filter((e) => !/fails to validate$/.test(e.rawMessage)).map(problemOf);
  return problems.length ? problems : [{ field: 'xml', message: 'Không kiểm tra được tài liệu CAP theo lược đồ 1.2.' }];
}
