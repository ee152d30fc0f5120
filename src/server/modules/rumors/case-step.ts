// What the desk's action services share: their dependencies, and running one step on a case (load and lock it,
// act, audit) in one transaction, answering the case as it is after the commit.
import type { Db } from '../../db/client.ts';
import type { RumorCaseDetail } from '../../../shared/contracts/rumors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Services } from '../module.ts';
import type { UnitRecord } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import { caseDetail } from './cases.service.ts';
import type { CasesDeps } from './cases.service.ts';
import { loadCase } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

/** The identity sealed for a report's informant (the vault), or null when none or erased. Opened only where attached. */
export type OpenIdentity = (tx: Db, informantId: string) => Promise<{ name: string | null; phone: string | null; email: string | null; socialId: string | null } | null>;

export interface ActionsDeps extends CasesDeps {
  directives: Pick<Services['directives'], 'createDirective'>;
  tasks: Pick<Services['tasks'], 'createTask'>;
  publishing: Pick<Services['publishing'], 'listSections' | 'createSection' | 'createPost' | 'publishPost'>;
  broadcasts: Pick<Services['broadcasts'], 'createBroadcast'>;
  bulletins: Pick<Services['bulletins'], 'createBulletin'>;
  socialAccounts: Pick<Services['socialAccounts'], 'listAccounts'>;
  socialPublishing: Pick<Services['socialPublishing'], 'publish'>;
  openIdentity: OpenIdentity;
}

/** A text cut to `max` characters, with an ellipsis when cut. */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function createCaseStep(ctx: RumorsContext, deps: CasesDeps) {
  const { db, clock } = ctx;

  /** Loads the case for writing inside one transaction and runs the action; answers the detail read after the commit. */
  async function caseStep(
    actor: Actor,
    id: string,
    permission: 'rumor.write' | 'rumor.approve',
    work: (c: { row: RumorCaseRow; unit: UnitRecord; a: Actor; tx: Db; now: Date }) => Promise<void>,
  ): Promise<RumorCaseDetail> {
    const { unit, a } = await db.transaction(async (tx) => {
      const loaded = await loadCase(ctx, actor, id, permission, { tx, forUpdate: true });
      await work({ ...loaded, tx, now: clock.now() });
      return loaded;
    });
    return caseDetail(ctx, deps, a, (await repo.findCase(db, id))!, unit, db);
  }

  async function audit(tx: Db, a: Actor, row: RumorCaseRow, { action, after }: { action: string; after: Record<string, unknown> }) {
    await recordAudit(tx, a, { action, entity: 'rumor_case', entityId: row.id, unitId: row.unitId, after });
  }

  return { caseStep, audit };
}
