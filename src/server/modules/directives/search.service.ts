import { foldDiacritics } from '../../platform/text.ts';
import { authorize, can, hasGlobalScope } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { presentPublicDirective, presentSummary } from './directives.present.ts';
import type { DirectiveSummary } from './directives.present.ts';
import { PublicDirectivesQuery } from './directives.schemas.ts';
import type { DirectiveStatus, PublicDirectivesInput, SearchInput } from './directives.schemas.ts';
import * as searchRepo from './search.repository.ts';

// Lists: search, what waits for the actor (the start page), and the public portal's reads.

/** The workflow steps someone waits on, the status a directive waits in, and who may take the step. */
const AWAITED_STEPS = [
  { step: 'redraft', status: 'returned', permission: 'directive.draft' },
  { step: 'approve', status: 'submitted', permission: 'directive.approve' },
  { step: 'sign', status: 'approved', permission: 'directive.sign' },
  { step: 'issue', status: 'signed', permission: 'directive.issue' },
] as const satisfies readonly { step: string; status: DirectiveStatus; permission: Permission }[];
export type AwaitedStep = (typeof AWAITED_STEPS)[number]['step'];

/** At most ten folded words of a query. */
function searchWords(q: string | undefined): string[] {
  return foldDiacritics(q ?? '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/**
 * What waits for the actor in the outgoing workflow (the start page): returned drafts, and
 * directives to approve, sign or issue, under the actor's unit, only for the steps the actor
 * may take (a viewer gets none; a designated signer's directive waits for that signer only).
 */
export async function listAwaitingSteps(deps: DirectivesDeps, a: Actor, limit: number) {
  const out: { step: AwaitedStep; total: number; items: DirectiveSummary[] }[] = [];
  for (const s of AWAITED_STEPS) {
    if (!can(a, s.permission, { unitPath: a.unitPath })) continue;
    const { rows, total } = await searchRepo.findAwaitingStep(deps.db, {
      status: s.status,
      underPath: a.unitPath,
      signerUserId: s.step === 'sign' ? a.userId : undefined,
      limit,
    });
    if (total > 0) out.push({ step: s.step, total, items: rows.map(presentSummary) });
  }
  return out;
}

/** Diacritic-insensitive search over symbol, subject and body, within the actor's scope. */
export async function searchDirectives(deps: DirectivesDeps, actor: Actor, q: SearchInput) {
  authorize(actor, 'directive.read', { unitPath: actor.unitPath });
  const { rows, total } = await searchRepo.searchDirectives(deps.db, {
    words: searchWords(q.q),
    issuerId: q.issuerId,
    docType: q.type,
    year: q.year,
    status: q.status,
    underPath: hasGlobalScope(actor) ? null : actor.unitPath,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(presentSummary), total };
}

/** The public portal's list (no actor): issued or revoked directives marked public, diacritic-insensitive search. */
export async function listPublicDirectives(deps: DirectivesDeps, input: PublicDirectivesInput) {
  const q = PublicDirectivesQuery.parse(input);
  const words = searchWords(q.q);
  const { rows, total } = await searchRepo.listPublicDirectives(deps.db, { words, limit: q.limit, offset: q.offset });
  return { items: rows.map(presentPublicDirective), total, words };
}

/** One public directive (issued or revoked, marked public), or null: anything else is not on the portal. */
export async function getPublicDirective(deps: DirectivesDeps, id: string) {
  const row = await searchRepo.findPublicDirective(deps.db, id);
  return row ? presentPublicDirective(row) : null;
}
