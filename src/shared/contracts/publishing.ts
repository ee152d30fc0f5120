// Contract of the portal editors' API (/api/portal/*) and the public question form: limits, enums,
// request and response schemas and the capability flags, shared by the server (route schemas) and the
// admin UI (form limits, response checks).
import { z } from 'zod';

/** Shared limits: the server's schemas, the admin UI's forms and the public form use the same numbers. */
export const LIMITS = {
  title: 300,
  summary: 1000,
  body: 200_000,
  slug: 120,
  tag: 50,
  tags: 20,
  url: 1000,
  sectionName: 120,
  revisionNote: 1000,
  sourceName: 200,
  question: 4000,
  answer: 20_000,
  askerName: 120,
  email: 254,
  note: 2000,
  figure: 100_000_000,
  fields: 20,
  linkLabel: 200,
  mediaTitle: 300,
  /** Upload limit for the media library, in bytes. */
  mediaBytes: 20 * 1024 * 1024,
} as const;
/** The same limits, under the name the admin UI's forms use. */
export const PORTAL_LIMITS = LIMITS;

export const POST_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const QUESTION_STATUSES = ['pending', 'published', 'rejected'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface SituationField {
  key: string;
  label: string;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s.normalize('NFC')))
    .nullable()
    .optional();
const httpUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.url);
/** A path on this site ("/tep/...") or an http(s) URL. */
const imageUrl = z.union([
  z
    .string()
    .regex(/^\/[^/\\]/)
    .max(LIMITS.url),
  httpUrl,
]);
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.slug)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang');
const isoDate = z.iso.date();

export const IdParams = z.object({ id: z.uuid() });
export const SituationParams = z.object({ id: z.uuid(), date: isoDate });

export const SituationFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  label: text(100),
});

export const CreateSectionBody = z.object({
  slug: slugSchema,
  name: text(LIMITS.sectionName),
  description: optText(500),
  ownerUnitId: z.uuid(),
  delegateUnitId: z.uuid().nullable().optional(),
  situationFields: z.array(SituationFieldSchema).min(1).max(LIMITS.fields).nullable().optional(),
  position: z.number().int().min(0).max(1000).default(0),
});
export type CreateSectionInput = z.infer<typeof CreateSectionBody>;

export const UpdateSectionBody = z.object({
  name: text(LIMITS.sectionName).optional(),
  description: optText(500),
  delegateUnitId: z.uuid().nullable().optional(),
  situationFields: z.array(SituationFieldSchema).min(1).max(LIMITS.fields).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type UpdateSectionInput = z.infer<typeof UpdateSectionBody>;

export const CreatePostBody = z.object({
  sectionId: z.uuid(),
  title: text(LIMITS.title),
  slug: slugSchema.optional(),
  summary: optText(LIMITS.summary),
  body: z.string().max(LIMITS.body).default(''),
  tags: z.array(text(LIMITS.tag)).max(LIMITS.tags).default([]),
  featuredImageUrl: imageUrl.nullable().optional(),
  authorUnitId: z.uuid().optional(),
  sourceName: optText(LIMITS.sourceName),
  sourceUrl: httpUrl.nullable().optional(),
});
export type CreatePostInput = z.infer<typeof CreatePostBody>;

export const UpdatePostBody = z.object({
  title: text(LIMITS.title).optional(),
  summary: optText(LIMITS.summary),
  body: z.string().max(LIMITS.body).optional(),
  tags: z.array(text(LIMITS.tag)).max(LIMITS.tags).optional(),
  featuredImageUrl: imageUrl.nullable().optional(),
  sourceName: optText(LIMITS.sourceName),
  sourceUrl: httpUrl.nullable().optional(),
  /** A correction to a published post: shown under the article with its date. */
  revisionNote: text(LIMITS.revisionNote).optional(),
});
export type UpdatePostInput = z.infer<typeof UpdatePostBody>;

export const PublishBody = z.object({
  /** Publish later: the post goes out at this time (a job flips it). */
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

export const PostsQuery = z.object({
  sectionId: z.uuid().optional(),
  status: z.enum(POST_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SituationBody = z.object({
  figures: z.record(z.string(), z.number().int().min(0).max(LIMITS.figure)),
  note: optText(LIMITS.note),
});
export type SituationInput = z.infer<typeof SituationBody>;

export const QuestionsQuery = z.object({ status: z.enum(QUESTION_STATUSES).optional() });
export const AnswerBody = z.object({ answer: text(LIMITS.answer), publish: z.boolean().default(true) });
export type AnswerInput = z.infer<typeof AnswerBody>;

/** The public form (application/x-www-form-urlencoded). `website` is the honeypot; `t` the signed time. */
export const QuestionForm = z.object({
  sectionId: z.uuid(),
  name: text(LIMITS.askerName),
  email: z
    .string()
    .trim()
    .max(LIMITS.email)
    .transform((s) => (s === '' ? null : s))
    .pipe(z.email().nullable())
    .optional(),
  question: text(LIMITS.question),
  website: z.string().max(500).optional(),
  t: z.string().max(200).default(''),
});
export type QuestionFormInput = z.infer<typeof QuestionForm>;

export const LINK_KINDS = ['hotline', 'service'] as const;
export const CreateLinkBody = z
  .object({
    kind: z.enum(LINK_KINDS),
    label: text(LIMITS.linkLabel),
    value: z.string().trim().min(1).max(LIMITS.url),
    note: optText(300),
    ownerUnitId: z.uuid(),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .superRefine((v, ctx) => {
    const ok = v.kind === 'hotline' ? /^[0-9+().\s-]{3,30}$/.test(v.value) : httpUrl.safeParse(v.value).success;
    if (!ok) ctx.addIssue({ code: 'custom', path: ['value'], message: v.kind === 'hotline' ? 'số điện thoại không hợp lệ' : 'địa chỉ http(s) không hợp lệ' });
  });
export type CreateLinkInput = z.infer<typeof CreateLinkBody>;

/** An upload is a draft of its section until a publisher of the section publishes it. */
export const MediaFields = z.object({ title: text(LIMITS.mediaTitle), sectionId: z.uuid(), ownerUnitId: z.uuid().optional() });
export const MEDIA_STATUSES = ['draft', 'published'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];
export const MediaQuery = z.object({ status: z.enum(MEDIA_STATUSES).optional() });

// Responses

/**
 * What the signed-in user may do in a section, computed by the server from its access rules (a
 * permission held on the owner or the delegate unit counts in the section), so the admin UI shows
 * only the controls the server will accept. The server stays the authority.
 */
export const SectionCapabilities = z.object({
  /** Edit the section itself, hand it to a delegate (section.manage on the owner unit). */
  manage: z.boolean(),
  /** Write posts and upload files (post.write / media.write). */
  write: z.boolean(),
  /** Publish, schedule, return and unpublish posts and files (post.publish). */
  publish: z.boolean(),
  /** Enter the daily situation figures (situation.write). */
  situation: z.boolean(),
  /** Answer citizen questions (question.answer). */
  answer: z.boolean(),
});
export type SectionCapabilities = z.infer<typeof SectionCapabilities>;

/** The workflow steps (and editing) the signed-in user may take on a post in its current status. */
export const PostCapabilities = z.object({
  /** Edit the content: a draft by a writer, a live post only by a publisher (with a correction note). */
  edit: z.boolean(),
  submit: z.boolean(),
  publish: z.boolean(),
  schedule: z.boolean(),
  return: z.boolean(),
  unpublish: z.boolean(),
});
export type PostCapabilities = z.infer<typeof PostCapabilities>;

export const SectionOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerUnitId: z.string(),
  delegateUnitId: z.string().nullable(),
  situationFields: z.array(z.object({ key: z.string(), label: z.string() })).nullable(),
  position: z.number(),
  capabilities: SectionCapabilities,
});
export type SectionOut = z.infer<typeof SectionOut>;
export const RevisionOut = z.object({ at: z.string(), note: z.string() });
export const PostOut = z.object({
  id: z.string(),
  sectionId: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  featuredImageUrl: z.string().nullable(),
  authorUnitId: z.string(),
  sourceName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  status: z.enum(POST_STATUSES),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  revisions: z.array(RevisionOut),
  updatedAt: z.string(),
  capabilities: PostCapabilities,
});
export type PostOut = z.infer<typeof PostOut>;
export const SituationOut = z.object({
  id: z.string(),
  sectionId: z.string(),
  date: z.string(),
  unitId: z.string(),
  figures: z.record(z.string(), z.number()),
  note: z.string().nullable(),
  publishedAt: z.string(),
});
export const QuestionOut = z.object({
  id: z.string(),
  sectionId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  status: z.enum(QUESTION_STATUSES),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const LinkOut = z.object({
  id: z.string(),
  kind: z.enum(LINK_KINDS),
  label: z.string(),
  value: z.string(),
  note: z.string().nullable(),
  ownerUnitId: z.string(),
  position: z.number(),
});
export const MediaOut = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  ownerUnitId: z.string(),
  sectionId: z.string().nullable(),
  status: z.enum(MEDIA_STATUSES),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  url: z.string(),
});
export type SituationOut = z.infer<typeof SituationOut>;
export type QuestionOut = z.infer<typeof QuestionOut>;
export type LinkOut = z.infer<typeof LinkOut>;
export type MediaOut = z.infer<typeof MediaOut>;
