// Post editor form state and validation (pure; mirrors CreatePostBody/UpdatePostBody).
import { PORTAL_LIMITS, type Post, type PostInput } from './portal-api.ts';
import type { PortalStrings } from './strings.ts';

export interface PostForm {
  title: string;
  summary: string;
  body: string;
  featuredImageUrl: string;
  sourceName: string;
  sourceUrl: string;
  revisionNote: string;
}

export const EMPTY_FORM: PostForm = {
  title: '',
  summary: '',
  body: '',
  featuredImageUrl: '',
  sourceName: '',
  sourceUrl: '',
  revisionNote: '',
};

export function formFromPost(p: Post): PostForm {
  return {
    title: p.title,
    summary: p.summary ?? '',
    body: p.bodyHtml,
    featuredImageUrl: p.featuredImageUrl ?? '',
    sourceName: p.sourceName ?? '',
    sourceUrl: p.sourceUrl ?? '',
    revisionNote: '',
  };
}

const HTTP = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export type FormErrors = Partial<Record<keyof PostForm, string>>;

export function validatePost(f: PostForm, s: PortalStrings): FormErrors {
  const e: FormErrors = {};
  const title = f.title.trim();
  if (!title) e.title = s.required;
  else if (title.length > PORTAL_LIMITS.title) e.title = s.tooLong(PORTAL_LIMITS.title);
  if (f.summary.trim().length > PORTAL_LIMITS.summary) e.summary = s.tooLong(PORTAL_LIMITS.summary);
  if (f.body.length > PORTAL_LIMITS.body) e.body = s.tooLong(PORTAL_LIMITS.body);
  const img = f.featuredImageUrl.trim();
  if (img && !(/^\/[^/\\]/.test(img) || HTTP.test(img))) e.featuredImageUrl = s.badImage;
  else if (img.length > PORTAL_LIMITS.url) e.featuredImageUrl = s.tooLong(PORTAL_LIMITS.url);
  if (f.sourceName.trim().length > PORTAL_LIMITS.sourceName) e.sourceName = s.tooLong(PORTAL_LIMITS.sourceName);
  const src = f.sourceUrl.trim();
  if (src && !HTTP.test(src)) e.sourceUrl = s.badUrl;
  else if (src.length > PORTAL_LIMITS.url) e.sourceUrl = s.tooLong(PORTAL_LIMITS.url);
  if (f.revisionNote.trim().length > PORTAL_LIMITS.revisionNote) e.revisionNote = s.tooLong(PORTAL_LIMITS.revisionNote);
  return e;
}

export function toInput(f: PostForm): PostInput {
  const opt = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    title: f.title.trim(),
    summary: opt(f.summary),
    body: f.body,
    featuredImageUrl: opt(f.featuredImageUrl),
    sourceName: opt(f.sourceName),
    sourceUrl: opt(f.sourceUrl),
  };
}

/** "2021-02-03T10:30" (datetime-local, the browser's zone) → ISO instant, or null when invalid. */
export function localToIso(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
