import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, importLaiChau } from '../../../../test/factories.ts';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { rumorCases, rumorReports } from '../../db/schema/index.ts';
import { candidateReports, moveCasesInto } from './clustering.repository.ts';
import { fileReport, foldText } from './reports.core.ts';
import type { ReportDraft } from './reports.core.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const LOCKDOWN = 'Khẩn: từ 0 giờ ngày mai phong tỏa toàn bộ thành phố Lai Châu, không ai được ra vào, các chợ và siêu thị đóng cửa.';
const PARAPHRASE = 'Thành phố Lai Châu sẽ phong tỏa toàn bộ từ 0 giờ sáng mai, cấm ra vào thành phố, đóng cửa chợ và siêu thị.';

/** The clustering SQL (candidates in one query: links, file hash, pg_trgm; the move of a merge) on both engines. */
describeEachDb('rumors clustering repository', (kind) => {
  let t: TestContext;
  let unitId: string;
  let otherUnitId: string;
  const file = (d: Partial<ReportDraft> & { description: string }, at = NOW) =>
    t.c.database.db.transaction((tx) => fileReport(tx, { unitId, channel: 'staff', urls: [], ...d }, at));

  beforeAll(async () => {
    t = await createTestContext(kind, { now: NOW });
    await importLaiChau(t.c);
    unitId = (await buildUnit(t.c, { name: 'Sở thử clustering' })).id;
    otherUnitId = (await buildUnit(t.c, { name: 'Sở khác' })).id;
  });
  afterAll(async () => t?.close());

  it('finds candidates by normalised link, by file hash and by trigram similarity, in the unit only', async () => {
    const a = await file({ description: LOCKDOWN, urls: ['https://www.facebook.com/groups/lc/posts/1'] });
    const b = await file({ description: 'Ảnh chụp màn hình', file: { id: 'f1', sha256: 'ab'.repeat(32), type: 'jpeg', size: 10 } });
    await t.c.database.db.transaction((tx) =>
      fileReport(tx, { unitId: otherUnitId, channel: 'staff', urls: ['https://facebook.com/groups/lc/posts/1'], description: LOCKDOWN }, NOW),
    );
    const db = t.c.database.db;
    const byLink = await candidateReports(
      db,
      { unitId, normalizedUrls: ['https://facebook.com/groups/lc/posts/1', 'https://bit.ly/x'], textFolded: 'khac', fileSha256: null },
      NOW,
    );
    expect(byLink.map((c) => [c.caseId, c.sharedUrl, c.caseUntouched])).toEqual([[a.kase.id, 'https://facebook.com/groups/lc/posts/1', true]]);
    const byFile = await candidateReports(db, { unitId, normalizedUrls: [], textFolded: '', fileSha256: 'ab'.repeat(32) }, NOW);
    expect(byFile.map((c) => [c.caseId, c.sameFile])).toEqual([[b.kase.id, true]]);
    const byText = await candidateReports(db, { unitId, normalizedUrls: [], textFolded: foldText(PARAPHRASE), fileSha256: null }, NOW);
    expect(byText.map((c) => c.caseId)).toEqual([a.kase.id]);
    expect(byText[0]!.trgm).toBeGreaterThan(0.3);
    expect(await candidateReports(db, { unitId, normalizedUrls: [], textFolded: foldText(PARAPHRASE), fileSha256: null }, NOW, { excludeCaseId: a.kase.id })).toEqual([]);
  });

  it('fileReport joins the case of a link variant and of a paraphrase; bridges an untouched case; a long-concluded case is left alone', async () => {
    const first = await file({ description: 'Tin này có thật không ạ?', urls: ['https://m.facebook.com/story.php?story_fbid=9&id=7&fbclid=x'] });
    expect(first.opened).toBe(true); // a bare link: nothing to join yet
    const text = await file({ description: PARAPHRASE });
    expect(text).toMatchObject({ opened: false, match: { kind: 'text' } }); // the lockdown case of the first test
    // Text and link together: joins the link's case and bridges the (untouched) lockdown case into it.
    const both = await file({ description: PARAPHRASE, urls: ['https://facebook.com/story.php?id=7&story_fbid=9'] });
    expect(both.match).toMatchObject({ caseId: first.kase.id, kind: 'url' });
    expect(both.mergedCaseIds).toEqual([text.kase.id]);
    expect(both.kase.reportCount).toBe(4);
    expect(await t.c.database.db.select().from(rumorCases).where(eq(rumorCases.id, text.kase.id))).toEqual([]);

    // Concluded 40 days ago: out of the window, a repost opens a new case.
    await t.c.database.db
      .update(rumorCases)
      .set({ status: 'concluded', verdict: 'false', closedAt: new Date(NOW.getTime() - 40 * 86_400_000), updatedAt: new Date(NOW.getTime() - 40 * 86_400_000) })
      .where(eq(rumorCases.id, first.kase.id));
    const late = await file({ description: 'Mọi người ơi', urls: ['https://fb.com/story.php?story_fbid=9&id=7'] });
    expect(late.opened).toBe(true);
  });

  it('moveCasesInto moves reports and deletes the emptied cases', async () => {
    const x = await file({ description: 'Cầu treo bản Nậm Manh huyện Nậm Nhùn bị sập, 10 người rơi xuống suối, mất tích 3 người.' });
    const y = await file({ description: 'Xuất hiện hổ tấn công người ở rừng Than Uyên, một người đi lấy măng bị thương nặng.' });
    expect(x.kase.id).not.toBe(y.kase.id);
    expect(await t.c.database.db.transaction((tx) => moveCasesInto(tx, x.kase.id, [y.kase.id]))).toBe(1);
    expect((await t.c.database.db.select().from(rumorReports).where(eq(rumorReports.caseId, x.kase.id))).length).toBe(2);
    expect(await t.c.database.db.select().from(rumorCases).where(eq(rumorCases.id, y.kase.id))).toEqual([]);
  });
});
