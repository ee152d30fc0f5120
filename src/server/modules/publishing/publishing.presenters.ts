import { z } from 'zod';
import { foldDiacritics } from '../../platform/text.ts';
import type * as repo from './publishing.repository.ts';
import type { LinkRow, MediaRow, PostRow, QuestionRow, SituationRow } from './publishing.repository.ts';
import { SituationFieldSchema } from './publishing.schemas.ts';
import type { MediaStatus, PostStatus, QuestionStatus, SituationField } from './publishing.schemas.ts';

// Presenters: a row is never serialised as it is.

export interface SectionView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  ownerUnitId: string;
  delegateUnitId: string | null;
  situationFields: SituationField[] | null;
  position: number;
}

const FieldsSchema = z.array(SituationFieldSchema).nullable();

export function presentSection(s: repo.SectionRow): SectionView {
  const fields = FieldsSchema.safeParse(s.situationFields ?? null);
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    ownerUnitId: s.ownerUnitId,
    delegateUnitId: s.delegateUnitId,
    situationFields: fields.success ? fields.data : null,
    position: s.position,
  };
}

export const RevisionsSchema = z.array(z.object({ at: z.string(), note: z.string() }));

export function presentPost(p: PostRow) {
  const revisions = RevisionsSchema.safeParse(p.revisions);
  return {
    id: p.id,
    sectionId: p.sectionId,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    tags: p.tags,
    featuredImageUrl: p.featuredImageUrl,
    authorUnitId: p.authorUnitId,
    sourceName: p.sourceName,
    sourceUrl: p.sourceUrl,
    status: p.status as PostStatus,
    publishAt: p.publishAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    revisions: revisions.success ? revisions.data : [],
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PostView = ReturnType<typeof presentPost>;

const FiguresSchema = z.record(z.string(), z.number());

export function presentSituation(s: SituationRow) {
  const figures = FiguresSchema.safeParse(s.figures);
  return {
    id: s.id,
    sectionId: s.sectionId,
    date: s.date,
    unitId: s.unitId,
    figures: figures.success ? figures.data : {},
    note: s.note,
    publishedAt: s.publishedAt.toISOString(),
  };
}
export type SituationView = ReturnType<typeof presentSituation>;

export function presentQuestion(q: QuestionRow) {
  return {
    id: q.id,
    sectionId: q.sectionId,
    name: q.name,
    email: q.email,
    question: q.question,
    answer: q.answer,
    status: q.status as QuestionStatus,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
  };
}
export type QuestionView = ReturnType<typeof presentQuestion>;

export function presentLink(l: LinkRow) {
  return { id: l.id, kind: l.kind as 'hotline' | 'service', label: l.label, value: l.value, note: l.note, ownerUnitId: l.ownerUnitId, position: l.position };
}
export type LinkView = ReturnType<typeof presentLink>;

export function mediaUrl(m: Pick<MediaRow, 'id' | 'fileName'>): string {
  return `/tep/${m.id}/${encodeURIComponent(m.fileName)}`;
}

export function presentMedia(m: MediaRow) {
  return {
    id: m.id,
    title: m.title,
    fileName: m.fileName,
    mime: m.mime,
    size: m.size,
    sha256: m.sha256,
    ownerUnitId: m.ownerUnitId,
    sectionId: m.sectionId,
    status: m.status as MediaStatus,
    publishedAt: m.publishedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    url: mediaUrl(m),
  };
}

const MEDIA_URL_ID = /\/tep\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//g;

/** Ids of the library files a post shows (featured image, links and images in the body). */
export function mediaIdsOf(p: Pick<PostRow, 'featuredImageUrl' | 'bodyHtml'>): string[] {
  return [...new Set([...`${p.featuredImageUrl ?? ''} ${p.bodyHtml}`.matchAll(MEDIA_URL_ID)].map((m) => m[1] ?? ''))].filter(Boolean);
}
export type MediaView = ReturnType<typeof presentMedia>;

/** "Phòng, chống dịch Covid-19!" → "phong-chong-dich-covid-19". */
export function slugify(title: string): string {
  return (
    foldDiacritics(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'bai-viet'
  );
}

/** Words of a search query (folded later in SQL by loa_unaccent, and by foldDiacritics for highlighting). */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      q
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 8);
}
