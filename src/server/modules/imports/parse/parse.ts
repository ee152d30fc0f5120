/**
 * Parser of công văn and other Decree 30 administrative documents from plain or markdown
 * text. Pure and synchronous; every stage is linear in the input and the whole parse is
 * bounded by a time limit, past which the fields read so far are returned with a warning.
 */
import type { ParsedDispatch } from '../../../../shared/dispatch.ts';
import { parseRecipients, parseTail, tailStart } from './blocks.ts';
import { paragraphs, sections, tasks } from './body.ts';
import { deadlines } from './deadlines.ts';
import { citations, emails, phones, urls } from './entities.ts';
import { parseHeader } from './header.ts';
import { reportForm } from './report.ts';
import { normalizeInput, plain, stripEmphasis, unlink } from './text.ts';

export interface ParseOptions {
  /** Wall-clock budget for one document; default 2000 ms. */
  timeLimitMs?: number;
}

class TimeLimitReached extends Error {}

function emptyDispatch(): ParsedDispatch {
  return {
    issuerParent: null,
    issuer: null,
    number: null,
    symbol: null,
    docType: 'CV',
    place: null,
    date: null,
    subject: null,
    urgency: null,
    recipients: [],
    cc: [],
    archive: null,
    citations: [],
    emails: [],
    phones: [],
    urls: [],
    deadlines: [],
    signerAuthority: null,
    signerPosition: null,
    signerTitle: null,
    signerName: null,
    body: [],
    sections: [],
    tasks: [],
    reportForm: null,
  };
}

/** Parses the text of one dispatch (NFC-normalised first). Never throws on any string input. */
export function parseDispatch(raw: string, options: ParseOptions = {}): ParsedDispatch {
  const limit = Date.now() + (options.timeLimitMs ?? 2000);
  const check = (): void => {
    if (Date.now() > limit) throw new TimeLimitReached();
  };
  const out = emptyDispatch();
  try {
    const text = normalizeInput(raw);
    const lines = text.split('\n');
    const { header, rest } = parseHeader(lines);
    Object.assign(out, header);
    check();
    const { recipients, rest: afterRecipients } = parseRecipients(rest);
    out.recipients = recipients;
    const cut = tailStart(afterRecipients);
    const tailLines = afterRecipients.slice(cut);
    Object.assign(out, parseTail(tailLines));
    out.body = paragraphs(afterRecipients.slice(0, cut));
    check();
    const bodyPlain = out.body.map(plain).join('\n');
    const printed = lines.map((l) => stripEmphasis(unlink(l))).join('\n');
    out.citations = citations(`${bodyPlain}\n${tailLines.map(plain).join('\n')}`);
    out.emails = emails(printed);
    out.urls = urls(printed);
    out.phones = phones(printed);
    check();
    const deadlinesOf = (t: string) => deadlines(t, out.date);
    out.deadlines = deadlinesOf(bodyPlain);
    out.sections = sections(out.body);
    out.tasks = tasks(out.sections, deadlinesOf);
    out.reportForm = reportForm(out.body, deadlinesOf);
    check();
  } catch (err) {
    const message =
      err instanceof TimeLimitReached
        ? `Vượt quá thời gian phân tích cho phép (${options.timeLimitMs ?? 2000} ms); kết quả chưa đầy đủ.`
        : `Lỗi khi phân tích: ${err instanceof Error ? err.message : String(err)}; kết quả chưa đầy đủ.`;
    out.warnings = [message];
  }
  return out;
}
