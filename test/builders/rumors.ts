// Shared set-up of the workflow's API tests (cases, actions, correction): Lai Châu's 2026 units, the desk (Sở Văn hóa,
// Thể thao và Du lịch), the bodies it asks (Sở Y tế, Công an tỉnh, Báo Lai Châu), users of each role, and reports
// filed through the one writer (fileReport) with informants sealed by the vault — what intake does, without HTTP.
import { expect } from 'vitest';
import { buildSignedInUser, buildUnit } from '../factories.ts';
import type { Session } from '../factories.ts';
import type { TestContext } from '../support/harness.ts';
import { SYSTEM_ACTOR } from '../../src/server/modules/access/index.ts';
import type { Role } from '../../src/server/modules/access/index.ts';
import { unitIdFor } from '../../src/server/modules/units/index.ts';
import type { RumorCaseDetail } from '../../src/shared/contracts/rumors.ts';
import { fileReport } from '../../src/server/modules/rumors/reports.core.ts';

export const LAI_CHAU = unitIdFor('vn-2026', '12');
type Reply = Awaited<ReturnType<TestContext['app']['inject']>> & { statusCode: number; body: string; json(): unknown };
export type Who = 'drafter' | 'approver' | 'approver2' | 'lead' | 'viewer' | 'outsider';

export interface Desk {
  soId: string;
  ytId: string;
  caId: string;
  pressId: string;
  s: Record<Who, Session>;
  ids: Record<Who, string>;
  req(who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<Reply>;
  detail(res: { statusCode: number; body: string; json(): unknown }, status?: number): RumorCaseDetail;
  /** Files a report (a new case unless `caseId`), its informant sealed when given; returns the case id. */
  report(o: {
    description: string;
    urls?: string[];
    informant?: { name?: string; phone?: string; email?: string };
    caseId?: string;
    seenAt?: Date;
  }): Promise<{ caseId: string; reportId: string; code: string }>;
}

export async function setUpDesk(t: TestContext): Promise<Desk> {
  await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
  const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
  const yt = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'health', name: 'Sở Y tế tỉnh Lai Châu' });
  const ca = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'police', name: 'Công an tỉnh Lai Châu' });
  const press = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'press', name: 'Báo Lai Châu' });
  const s = {} as Record<Who, Session>;
  const ids = {} as Record<Who, string>;
  const make = async (who: Who, roles: Role[], unitId = so.id) => {
    const u = await buildSignedInUser(t.c, { unitId, roles });
    s[who] = u.session;
    ids[who] = u.user.id;
  };
  await make('drafter', ['drafter']);
  await make('approver', ['approver']);
  await make('approver2', ['approver']);
  await make('lead', ['desk_lead']);
  await make('viewer', ['viewer']);
  await make('outsider', ['drafter', 'approver'], yt.id);
  const req: Desk['req'] = (who, method, url, payload) => t.app.inject({ method, url, headers: who ? s[who].headers : {}, ...(payload ? { payload } : {}) });
  const detail: Desk['detail'] = (res, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return (res.json() as { case: RumorCaseDetail }).case;
  };
  const report: Desk['report'] = async (o) => {
    const informantId = o.informant ? await t.c.services.rumorIntake.sealInformant(so.id, o.informant) : null;
    const r = await t.c.database.db.transaction((tx) =>
      fileReport(
        tx,
        { unitId: so.id, channel: 'portal', description: o.description, urls: o.urls ?? [], informantId, caseId: o.caseId ?? null, seenAt: o.seenAt ?? null },
        t.clock.now(),
      ),
    );
    return { caseId: r.kase.id, reportId: r.report.id, code: r.report.code };
  };
  return { soId: so.id, ytId: yt.id, caId: ca.id, pressId: press.id, s, ids, req, detail, report };
}
