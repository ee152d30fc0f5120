import type { RumorCaseListQueryInput, RumorCaseSummary } from '../../../shared/contracts/rumors.ts';
import { foldText } from './reports.core.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import * as repo from './cases.repository.ts';
import { readablePrefix } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentCaseSummary } from './rumors.present.ts';

/** The desk's cases: lists and reads (the workflow's steps are added beside them). */
export function createCasesService(ctx: RumorsContext) {
  const { db, clock } = ctx;
  return {
    async listCases(actor: Actor, q: RumorCaseListQueryInput): Promise<{ cases: RumorCaseSummary[]; total: number }> {
      authorize(actor, 'rumor.read', { unitPath: actor.unitPath });
      const { rows, total } = await repo.listCases(db, {
        prefix: readablePrefix(actor),
        status: q.status,
        verdict: q.verdict,
        severity: q.severity,
        folded: q.q ? foldText(q.q) : undefined,
        assigneeId: q.mine ? actor.userId : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      const now = clock.now();
      return { cases: rows.map((r) => presentCaseSummary(r, now)), total };
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
