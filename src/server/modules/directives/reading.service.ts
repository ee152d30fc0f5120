import type { InTx } from '../../db/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { renderDirectiveDocx, renderDirectivePdf } from './render/index.ts';
import { canRead, loadOr404, presentFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { fullSymbol, toParsedDispatch } from './dispatch.ts';

// Reading one directive: its detail, the structured dispatch, the Decree 30 PDF/DOCX.

async function loadReadable(deps: DirectivesDeps, actor: Actor, id: string) {
  const d = await loadOr404(deps, id);
  if (!(await canRead(deps, actor, d))) throw new AppError('NOT_FOUND');
  return d;
}

/** With `opts.tx` it reads inside the caller's transaction (a broadcast's view names its công văn). */
export async function getDirective(deps: DirectivesDeps, actor: Actor, id: string, opts: InTx = {}) {
  const reader = opts.tx ? { ...deps, db: opts.tx } : deps;
  const d = await loadReadable(reader, actor, id);
  return presentFor(reader, actor, d, d.issuerPath);
}

/** The structured dispatch the Decree 30 renderer reads. */
export async function getDispatch(deps: DirectivesDeps, actor: Actor, id: string) {
  const d = await loadReadable(deps, actor, id);
  const detail = await presentFor(deps, actor, d, d.issuerPath);
  return {
    status: d.status,
    fileName: `${d.docType}-${fullSymbol(d).replace(/[^\p{L}\p{N}-]+/gu, '_')}`,
    dispatch: toParsedDispatch({
      ...d,
      date: d.date,
      legalBases: detail.legalBases,
      citations: detail.citations,
      body: detail.body,
      addressees: detail.addressees,
      cc: detail.cc,
      archive: detail.archive,
    }),
  };
}

/** The directive in the Decree 30 layout; anything not yet issued carries the draft mark. */
export async function renderDirective(deps: DirectivesDeps, actor: Actor, id: string, format: 'pdf' | 'docx') {
  const { fileName, dispatch, status } = await getDispatch(deps, actor, id);
  const opts = { draft: status !== 'issued' };
  const body = format === 'pdf' ? await renderDirectivePdf(dispatch, opts) : await renderDirectiveDocx(dispatch, opts);
  return { fileName: `${fileName}.${format}`, body };
}
