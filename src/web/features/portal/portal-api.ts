// Typed client for the portal editors' API (/api/portal/*). Shapes mirror
// src/server/modules/publishing/publishing.schemas.ts (the UI may not import it).
// Pure module: no React, no DOM access at import time.
import { ApiError, getCsrfToken, queryString, request, toApiError } from '../../api.ts';
import type { Lang } from '../../i18n.ts';

export const POST_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const QUESTION_STATUSES = ['pending', 'published', 'rejected'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Server limits (publishing.schemas.ts LIMITS) the forms enforce up front. */
export const PORTAL_LIMITS = {
  title: 300,
  summary: 1000,
  body: 200_000,
  url: 1000,
  revisionNote: 1000,
  answer: 20_000,
  note: 2000,
  figure: 100_000_000,
  sourceName: 200,
} as const;

export interface SituationField {
  key: string;
  label: string;
}

export interface Section {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  ownerUnitId: string;
  delegateUnitId: string | null;
  situationFields: SituationField[] | null;
  position: number;
}

export interface Revision {
  at: string;
  note: string;
}

export interface Post {
  id: string;
  sectionId: string;
  slug: string;
  title: string;
  summary: string | null;
  bodyHtml: string;
  tags: string[];
  featuredImageUrl: string | null;
  authorUnitId: string;
  sourceName: string | null;
  sourceUrl: string | null;
  status: PostStatus;
  publishAt: string | null;
  publishedAt: string | null;
  revisions: Revision[];
  updatedAt: string;
}

export interface SituationUpdate {
  id: string;
  sectionId: string;
  date: string;
  unitId: string;
  figures: Record<string, number>;
  note: string | null;
  publishedAt: string;
}

export interface Question {
  id: string;
  sectionId: string;
  name: string;
  email: string | null;
  question: string;
  answer: string | null;
  status: QuestionStatus;
  answeredAt: string | null;
  createdAt: string;
}

export const MEDIA_STATUSES = ['draft', 'published'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** A library file: a draft of its section until a publisher publishes it (files from before review have no section). */
export interface Media {
  id: string;
  title: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  ownerUnitId: string;
  sectionId: string | null;
  status: MediaStatus;
  publishedAt: string | null;
  createdAt: string;
  /** The public address (answers only once published). */
  url: string;
}

const enc = encodeURIComponent;

// Sections

export async function listSections(): Promise<Section[]> {
  return (await request<{ items: Section[] }>('GET', '/api/portal/sections')).items;
}

export interface NewSection {
  slug: string;
  name: string;
  description?: string | null;
  ownerUnitId: string;
  delegateUnitId?: string | null;
  situationFields?: SituationField[] | null;
  position?: number;
}

export async function createSection(input: NewSection): Promise<Section> {
  return (await request<{ section: Section }>('POST', '/api/portal/sections', input)).section;
}

export interface SectionPatch {
  name?: string;
  description?: string | null;
  /** null takes the section back from its delegate unit. */
  delegateUnitId?: string | null;
  situationFields?: SituationField[] | null;
  position?: number;
}

export async function updateSection(id: string, patch: SectionPatch): Promise<Section> {
  return (await request<{ section: Section }>('PATCH', `/api/portal/sections/${enc(id)}`, patch)).section;
}

// Posts

export async function listPosts(f: { sectionId?: string; status?: PostStatus; limit?: number } = {}): Promise<Post[]> {
  return (
    await request<{ items: Post[] }>(
      'GET',
      `/api/portal/posts${queryString({ sectionId: f.sectionId, status: f.status, limit: f.limit ?? 100 })}`,
    )
  ).items;
}

export async function getPost(id: string): Promise<Post> {
  return (await request<{ post: Post }>('GET', `/api/portal/posts/${enc(id)}`)).post;
}

export interface PostInput {
  title: string;
  summary: string | null;
  /** Simple HTML; the server sanitises it. */
  body: string;
  featuredImageUrl: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
}

export async function createPost(input: PostInput & { sectionId: string }): Promise<Post> {
  return (await request<{ post: Post }>('POST', '/api/portal/posts', input)).post;
}

export async function updatePost(id: string, patch: Partial<PostInput> & { revisionNote?: string }): Promise<Post> {
  return (await request<{ post: Post }>('PATCH', `/api/portal/posts/${enc(id)}`, patch)).post;
}

export type PostStep = { step: 'submit' | 'return' | 'unpublish' } | { step: 'publish'; publishAt?: string };

/** One workflow step; the server answers with the post. */
export async function postStep(id: string, s: PostStep): Promise<Post> {
  const body = s.step === 'publish' ? (s.publishAt ? { publishAt: s.publishAt } : {}) : undefined;
  return (await request<{ post: Post }>('POST', `/api/portal/posts/${enc(id)}/${s.step}`, body)).post;
}

// Daily situation

export async function listSituation(sectionId: string): Promise<SituationUpdate[]> {
  return (await request<{ items: SituationUpdate[] }>('GET', `/api/portal/sections/${enc(sectionId)}/situation`)).items;
}

export async function saveSituation(
  sectionId: string,
  date: string,
  input: { figures: Record<string, number>; note: string | null },
): Promise<SituationUpdate> {
  return (
    await request<{ update: SituationUpdate }>('PUT', `/api/portal/sections/${enc(sectionId)}/situation/${enc(date)}`, input)
  ).update;
}

// Citizen questions

export async function listQuestions(status?: QuestionStatus): Promise<Question[]> {
  return (await request<{ items: Question[] }>('GET', `/api/portal/questions${queryString({ status })}`)).items;
}

export async function answerQuestion(id: string, answer: string, publish = true): Promise<Question> {
  return (await request<{ question: Question }>('POST', `/api/portal/questions/${enc(id)}/answer`, { answer, publish })).question;
}

export async function rejectQuestion(id: string): Promise<Question> {
  return (await request<{ question: Question }>('POST', `/api/portal/questions/${enc(id)}/reject`)).question;
}

// Media library (multipart: the shared JSON helper does not apply)

export async function listMedia(status?: MediaStatus): Promise<Media[]> {
  return (await request<{ items: Media[] }>('GET', `/api/portal/media${queryString({ status })}`)).items;
}

export async function mediaStep(id: string, step: 'publish' | 'unpublish'): Promise<Media> {
  return (await request<{ media: Media }>('POST', `/api/portal/media/${enc(id)}/${step}`)).media;
}

/** Where editors open a file, drafts included. */
export function mediaReviewUrl(id: string): string {
  return `/api/portal/media/${enc(id)}/file`;
}

export async function uploadMedia(file: File, title: string, sectionId: string, lang: Lang): Promise<Media> {
  const form = new FormData();
  form.set('title', title);
  form.set('sectionId', sectionId);
  form.set('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/api/portal/media', { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', lang === 'vi' ? 'Không kết nối được máy chủ.' : 'Cannot reach the server.');
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw toApiError(res.status, text, lang);
  return (JSON.parse(text) as { media: Media }).media;
}
