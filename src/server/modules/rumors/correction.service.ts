// The public correction of a concluded case (issue #15 point 4b): a portal article in the corrections section carrying
// ClaimReview JSON-LD, a broadcast draft (SMS) and a bulletin draft (loudspeakers) for the desk's area, the social
// pages' publications — one transaction — then the requesters' notifications.
import { AppError } from '../../platform/errors.ts';
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorCaseDetail, RumorCorrectionCreate, RumorVerdict } from '../../../shared/contracts/rumors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { clip } from './actions.kit.ts';
import type { ActionsDeps } from './actions.kit.ts';
import * as repo from './cases.repository.ts';
import { caseDetail, closeIfDone, createCaseStep } from './cases.service.ts';
import { claimReview } from './claim-review.ts';
import { loadCase } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

/** The section of a desk's corrections (created for the desk's unit on first use). */
export const CORRECTION_SECTION = { slug: 'dinh-chinh-thong-tin-sai', name: 'Thông tin sai sự thật — đính chính' } as const;

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function createCorrectionService(ctx: RumorsContext, deps: ActionsDeps) {
  const { db, clock, units } = ctx;
  const { audit } = createCaseStep(ctx, deps);

  /**
   * The public correction (rumor.approve: the leader who approved conclusions publishes it) in ONE transaction: the
   * correction section (created for the desk's unit on first use), the article carrying ClaimReview JSON-LD,
   * published; a broadcast draft (SMS) and a bulletin draft (loudspeakers) for the desk's area, which go through
   * their own approval; the social pages' publications queued; then the requesters' notifications.
   */
  async function publishCorrection(actor: Actor, id: string, input: RumorCorrectionCreate): Promise<RumorCaseDetail> {
    const pre = await loadCase(ctx, actor, id, 'rumor.approve');
    const { unit, a } = pre;
    const sections = await deps.publishing.listSections(a);
    const pages =
      input.channels.social && can(a, 'social.read', { unitPath: unit.path })
        ? (await deps.socialAccounts.listAccounts(a, unit.id)).items.filter((p) => p.status === 'connected')
        : [];
    const areaPath = (await units.areaPathOf(unit.id)) ?? unit.path;
    const areaUnitId = areaPath.split('.').at(-1)!;
    const afterCommit: (() => void)[] = [];
    await db.transaction(async (tx) => {
      const { row } = await loadCase(ctx, actor, id, 'rumor.approve', { tx, forUpdate: true });
      if (row.conclusionState !== 'approved' || !row.verdict) throw new AppError('RUMOR_NOT_CONCLUDED');
      const label = RUMOR_VERDICT_LABELS[row.verdict as RumorVerdict];
      if (label.rating === null) throw new AppError('RUMOR_NO_RATING', { verdict: label.vi });
      if (row.correctionPostId) throw new AppError('RUMOR_CORRECTION_EXISTS');
      const now = clock.now();
      let section = sections.find((s) => s.ownerUnitId === unit.id && s.slug.startsWith(CORRECTION_SECTION.slug));
      if (!section) {
        const taken = sections.some((s) => s.slug === CORRECTION_SECTION.slug);
        section = await deps.publishing.createSection(
          a,
          { slug: taken ? `${CORRECTION_SECTION.slug}-${row.unitId.slice(0, 8)}` : CORRECTION_SECTION.slug, name: CORRECTION_SECTION.name, ownerUnitId: unit.id, position: 900 },
          { tx, permission: 'rumor.approve', afterCommit: (w) => afterCommit.push(w) },
        );
      }
      const slug = `dinh-chinh-${row.code.toLowerCase()}`;
      const base = ctx.publicUrl().replace(/\/$/, '');
      const url = `${base}/bai-viet/${slug}`;
      const reports = await repo.reportsOfCase(tx, row.id);
      const first = row.firstAppearanceUrl ?? reports.flatMap((r) => r.urls)[0] ?? null;
      const appearances = [...(first ? [first] : []), ...reports.flatMap((r) => r.urls)];
      const structuredData = claimReview({
        url,
        datePublished: now,
        headline: input.title,
        claimReviewed: row.title,
        verdict: row.verdict as RumorVerdict,
        appearances,
        firstAppearance: first ? { url: first, datePublished: row.firstSeenAt } : null,
        author: { name: unit.name, url: base },
      });
      const paragraphs = input.body
        .split(/\n{2,}|\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
      const html = [
        `<p><strong>Kết luận: ${escHtml(label.vi)}.</strong> ${escHtml(row.verdictSummary ?? '')}</p>`,
        `<p><em>Thông tin được xác minh: “${escHtml(row.title)}”.</em></p>`,
        ...paragraphs.map((x) => `<p>${escHtml(x)}</p>`),
      ].join('\n');
      const post = await deps.publishing.createPost(
        a,
        {
          sectionId: section.id,
          title: input.title,
          slug,
          summary: clip(`${label.vi}: ${row.verdictSummary ?? row.title}`, 300),
          body: html,
          tags: ['đính chính'],
          authorUnitId: unit.id,
        },
        { tx, structuredData },
      );
      await deps.publishing.publishPost(a, post.id, undefined, { tx, afterCommit: (w) => afterCommit.push(w) });
      let broadcastId: string | null = null;
      if (input.channels.sms) {
        const smsText = `DINH CHINH: Thong tin "${clip(row.title, 60)}" la ${label.vi}. Chi tiet: ${url}`;
        broadcastId = (
          await deps.broadcasts.createBroadcast(
            a,
            { unitId: unit.id, title: clip(`Đính chính: ${row.title}`, 200), priority: 'uu_tien', smsText, unaccented: true, audience: { unitIds: [areaUnitId], listIds: [] } },
            { tx },
          )
        ).id;
      }
      let bulletinId: string | null = null;
      if (input.channels.loudspeaker) {
        bulletinId = (
          await deps.bulletins.createBulletin(
            a,
            {
              unitId: unit.id,
              title: clip(`Đính chính: ${row.title}`, 200),
              priority: 'uu_tien',
              source: 'tts',
              text: clip(`${input.title}. ${label.vi}. ${paragraphs.join(' ')}`, 2000),
              repeat: 1,
            },
            { tx },
          )
        ).id;
      }
      let publications = 0;
      if (pages.length) {
        const out = await deps.socialPublishing.publish(
          a,
          unit.id,
          { source: { kind: 'text', title: input.title, text: clip(`${label.vi}: ${row.verdictSummary ?? row.title}`, 4000), link: url }, accountIds: pages.map((p) => p.id) },
          undefined,
          { tx },
        );
        publications = out.publications.length;
      }
      await repo.updateCase(tx, row.id, { correctionPostId: post.id, correctionBroadcastId: broadcastId, updatedAt: now });
      await audit(tx, a, row, {
        action: 'rumor.correction.publish',
        after: { postId: post.id, url, broadcastId, bulletinId, socialPublications: publications, verdict: row.verdict },
      });
      await deps.notifyRequesters(tx, a, (await repo.findCase(tx, row.id))!, url);
      await closeIfDone(ctx, tx, a, row.id);
    });
    for (const w of afterCommit) w();
    return caseDetail(ctx, deps, a, (await repo.findCase(db, id))!, unit, db);
  }
  return { publishCorrection };
}
