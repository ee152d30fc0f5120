import type { InTx } from '../../db/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import './publishing.errors.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { PostRow } from './publishing.repository.ts';
import type { QuestionFormInput } from './publishing.schemas.ts';
import { presentLink, presentMedia, presentPost, presentQuestion, presentSection, presentSituation, searchWords } from './publishing.presenters.ts';
import type { QuestionView } from './publishing.presenters.ts';
import { checkFormTime, signFormTime } from './form-token.ts';

/** The public portal's reads: published content only, no actor; and the public question form. */
export function createPortalReads(ctx: PublishingContext) {
  const { db, clock } = ctx;
  const deps = ctx;
  const secret = () => ctx.formSecret();
  return {
    sections: async () => (await repo.listSections(db)).map((s) => ({ ...presentSection(s), ownerName: s.ownerName, delegateName: s.delegateName })),
    sectionBySlug: async (slug: string) => {
      const s = await repo.findSectionBySlug(db, slug);
      return s ? { ...presentSection(s), ownerName: s.ownerName, delegateName: s.delegateName } : null;
    },
    latestPosts: (q: { sectionId?: string | undefined; limit: number; offset?: number }) =>
      repo.listPublishedPosts(db, { sectionId: q.sectionId, limit: q.limit, offset: q.offset ?? 0 }),
    countPosts: (sectionId?: string) => repo.countPublishedPosts(db, sectionId),
    postBySlug: (slug: string) => repo.findPublishedPostBySlug(db, slug),
    /** A published post by id (undefined when it is not, or no longer, published): public, no access check. */
    postById: (id: string, opts: InTx = {}) => repo.findPublishedPostById(opts.tx ?? db, id),
    publishedSlugs: () => repo.listPublishedSlugs(db, 50_000),
    revisionsOf: (p: PostRow) => presentPost(p).revisions,
    situation: async (sectionId: string, limit: number) => (await repo.listSituation(db, sectionId, limit)).map(presentSituation),
    search: async (q: string, limit: number) => {
      const words = searchWords(q);
      const [posts, situation] = await Promise.all([repo.searchPublishedPosts(db, words, limit), repo.searchSituation(db, words, limit)]);
      return { words, posts, situation: situation.map(presentSituation) };
    },
    questions: async (limit: number) => (await repo.listPublishedQuestions(db, limit)).map(presentQuestion),
    links: async () => (await repo.listLinks(db)).map(presentLink),
    media: async (limit: number) => (await repo.listPublishedMedia(db, limit)).map(presentMedia),
    mediaById: async (id: string) => {
      const m = await repo.findPublishedMediaById(db, id);
      return m ? presentMedia(m) : null;
    },
    /** The stored content of a published file, or null (a draft is not there for the public). */
    openMedia: async (id: string) => {
      const m = await repo.findPublishedMediaById(db, id);
      if (!m) return null;
      const file = await deps.files.open(m.storageKey);
      return file ? { ...file, media: presentMedia(m) } : null;
    },
    /** The signed time for a freshly served question form. */
    formToken: async () => signFormTime(await secret(), clock.now()),
    /** A citizen's question from the public form: honeypot empty, form neither too fast nor stale. */
    async submitQuestion(input: QuestionFormInput, meta: { ip: string | null }): Promise<QuestionView> {
      if (input.website && input.website.trim() !== '') throw new AppError('FORM_REJECTED');
      if (checkFormTime(await secret(), input.t, clock.now()) !== 'ok') throw new AppError('FORM_REJECTED');
      const section = await repo.findSectionById(db, input.sectionId);
      if (!section) throw new AppError('FORM_REJECTED');
      const row = await repo.insertQuestion(db, {
        sectionId: section.id,
        name: input.name,
        email: input.email ?? null,
        question: input.question,
        status: 'pending',
        ip: meta.ip,
        createdAt: clock.now(),
      });
      return presentQuestion(row);
    },
  };
}
