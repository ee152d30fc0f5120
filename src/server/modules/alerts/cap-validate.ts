// Validation of a CAP document against the OASIS CAP 1.2 XSD (assets/cap-1.2/) with libxml2's xmllint (Debian
// libxml2-utils): the document goes on stdin, the schema errors come back on stderr, one per line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.ts';
import type { CapProblem } from '../../../shared/contracts/alerts.ts';
import './alerts.errors.ts';

export const CAP_XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/cap-1.2/CAP-v1.2.xsd');

const TIMEOUT_MS = 20_000;

interface LintResult {
  code: number | null;
  stderr: string;
}

function runXmllint(args: string[], input: string): Promise<LintResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new AppError('ALERT_VALIDATOR_MISSING') : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.on('error', () => undefined); // an early exit is reported by 'close'
    child.stdin.end(input, 'utf8');
  });
}

/** "-:5: element sent: Schemas validity error : Element '{urn:…}sent': …" → the field and a Vietnamese message. */
function problemsOf(stderr: string): CapProblem[] {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== '- fails to validate' && l !== '- validates' && !/^\^?$/.test(l))
    .filter((l) => /error/i.test(l))
    .map((l) => {
      const m = /^-:(\d+): (?:element (\S+): )?(.*)$/.exec(l);
      const field = m?.[2] ?? 'xml';
      const detail = (m?.[3] ?? l).replace(/\{urn:oasis:names:tc:emergency:cap:1\.2\}/g, '');
      return { field, message: `Không đúng lược đồ CAP 1.2${m ? ` (dòng ${m[1]})` : ''}: ${detail}` };
    });
}

/** The XSD's complaints about the document ([] when it validates). Throws ALERT_VALIDATOR_MISSING without xmllint. */
export async function validateAgainstXsd(xml: string, xsd: string = CAP_XSD): Promise<CapProblem[]> {
  const r = await runXmllint(['--noout', '--nonet', '--schema', xsd, '-'], xml);
  if (r.code === 0) return [];
  const problems = problemsOf(r.stderr);
  return problems.length ? problems : [{ field: 'xml', message: `Không kiểm tra được tài liệu CAP (xmllint mã ${String(r.code)}).` }];
}

/** Whether the text is well-formed XML ([] when it is), without a schema: e.g. the Atom feed. */
export async function checkWellFormed(xml: string): Promise<CapProblem[]> {
  const r = await runXmllint(['--noout', '--nonet', '-'], xml);
  return r.code === 0 ? [] : problemsOf(r.stderr).concat(r.stderr.trim() ? [] : [{ field: 'xml', message: 'Tài liệu XML không hợp lệ.' }]);
}
