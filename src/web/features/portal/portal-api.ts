// Typed client for the portal editors' API (/api/portal/*). The shapes, enums and limits are the
// shared contract (src/shared/contracts/publishing.ts); every response is checked against its schema.
// Pure module: no React, no DOM access at import time.
import { z } from 'zod';
import { ApiError, getCsrfToken, queryString, requestParsed, toApiError } from '../../api.ts';
import { translate, type Lang } from '../../i18n.ts';
import {
  MediaOut,
  PostOut,
  QuestionOut,
  SectionOut,
  SituationOut,
  type CreateSectionBody,
  type MediaStatus,
  type PostStatus,
  type QuestionStatus,
  type UpdateSectionBody,
} from '../../../shared/contracts/publishing.ts';

export {
  MEDIA_STATUSES,
  PORTAL_LIMITS,
  POST_STATUSES,
  QUESTION_STATUSES,
  type MediaStatus,
  type PostCapabilities,
  type PostStatus,
  type QuestionStatus,
  type SectionCapabilities,
  type SituationField,
} from '../../../shared/contracts/publishing.ts';

/** A section, with what the signed-in user may do in it (`capabilities`, from the server). */
export type Section = SectionOut;
/** A post, with the workflow steps the signed-in user may take on it (`capabilities`). */
export type Post = PostOut;
export type Revision = Post['revisions'][number];
export type SituationUpdate = SituationOut;
export type Question = QuestionOut;
/** A library file: a draft of its section until a publisher publishes it (files from before review have no section). */
export type Media = MediaOut;

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const enc = encodeURIComponent;
const PostResponse = z.object({ post: PostOut });
const QuestionResponse = z.object({ question: QuestionOut });
const MediaResponse = z.object({ media: MediaOut });

// Sections

export async function listSections(): Promise<Section[]> {
  return (await requestParsed(Items(SectionOut), 'GET', '/api/portal/sections')).items;
}

export type NewSection = z.input<typeof CreateSectionBody>;

export async function createSection(input: NewSection): Promise<Section> {
  return (await requestParsed(z.object({ section: SectionOut }), 'POST', '/api/portal/sections', input)).section;
}

/** `delegateUnitId: null` takes the section back from its delegate unit. */
export type SectionPatch = z.input<typeof UpdateSectionBody>;

export async function updateSection(id: string, patch: SectionPatch): Promise<Section> {
  return (await requestParsed(z.object({ section: SectionOut }), 'PATCH', `/api/portal/sections/${enc(id)}`, patch)).section;
}

// Posts

export async function listPosts(f: { sectionId?: string; status?: PostStatus; limit?: number } = {}): Promise<Post[]> {
  return (await requestParsed(Items(PostOut), 'GET', `/api/portal/posts${queryString({ sectionId: f.sectionId, status: f.status, limit: f.limit ?? 100 })}`)).items;
}

export async function getPost(id: string): Promise<Post> {
  return (await requestParsed(PostResponse, 'GET', `/api/portal/posts/${enc(id)}`)).post;
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
  return (await requestParsed(PostResponse, 'POST', '/api/portal/posts', input)).post;
}

export async function updatePost(id: string, patch: Partial<PostInput> & { revisionNote?: string }): Promise<Post> {
  return (await requestParsed(PostResponse, 'PATCH', `/api/portal/posts/${enc(id)}`, patch)).post;
}

export type PostStep = { step: 'submit' | 'return' | 'unpublish' } | { step: 'publish'; publishAt?: string };

/** One workflow step; the server answers with the post. */
export async function postStep(id: string, s: PostStep): Promise<Post> {
  const body = s.step === 'publish' ? (s.publishAt ? { publishAt: s.publishAt } : {}) : undefined;
  return (await requestParsed(PostResponse, 'POST', `/api/portal/posts/${enc(id)}/${s.step}`, body)).post;
}

// Daily situation

export async function listSituation(sectionId: string): Promise<SituationUpdate[]> {
  return (await requestParsed(Items(SituationOut), 'GET', `/api/portal/sections/${enc(sectionId)}/situation`)).items;
}

export async function saveSituation(sectionId: string, date: string, input: { figures: Record<string, number>; note: string | null }): Promise<SituationUpdate> {
  return (await requestParsed(z.object({ update: SituationOut }), 'PUT', `/api/portal/sections/${enc(sectionId)}/situation/${enc(date)}`, input)).update;
}

// Citizen questions

export async function listQuestions(status?: QuestionStatus): Promise<Question[]> {
  return (await requestParsed(Items(QuestionOut), 'GET', `/api/portal/questions${queryString({ status })}`)).items;
}

export async function answerQuestion(id: string, answer: string, publish = true): Promise<Question> {
  return (await requestParsed(QuestionResponse, 'POST', `/api/portal/questions/${enc(id)}/answer`, { answer, publish })).question;
}

export async function rejectQuestion(id: string): Promise<Question> {
  return (await requestParsed(QuestionResponse, 'POST', `/api/portal/questions/${enc(id)}/reject`)).question;
}

// Media library (multipart: the shared JSON helper does not apply)

export async function listMedia(status?: MediaStatus): Promise<Media[]> {
  return (await requestParsed(Items(MediaOut), 'GET', `/api/portal/media${queryString({ status })}`)).items;
}

export async function mediaStep(id: string, step: 'publish' | 'unpublish'): Promise<Media> {
  return (await requestParsed(MediaResponse, 'POST', `/api/portal/media/${enc(id)}/${step}`)).media;
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
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // checked below: not the contract's shape
  }
  const parsed = MediaResponse.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'BAD_RESPONSE', translate(lang, 'error.badResponse'));
  return parsed.data.media;
}
