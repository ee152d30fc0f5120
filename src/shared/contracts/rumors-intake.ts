// Contract of the desk's intake (issue #15 points 1 and 5): staff entry (POST /api/rumors/reports), the report's
// stored file, the desk lead's reveal of an informant (POST /api/rumors/reports/:id/reveal, a reason required,
// audited) and the citizen's public status page (/phan-anh-tin-sai/<code>). Nothing here identifies an informant
// except the reveal's answer (RevealedIdentity, rumors.ts).
import { z } from 'zod';
import { InformantInputSchema, RevealedIdentity, RUMOR_LIMITS, RUMOR_STATUSES, RUMOR_VERDICTS, RumorCaseSummaryOut, RumorReportOut } from './rumors.ts';

const nfc = (s: string) => s.normalize('NFC');

/**
 * Files a report may carry (type from content, never from the name): images only — screenshots and photos, whose
 * metadata (EXIF/GPS, XMP, comments) is stripped before storing. PDFs and videos are refused: their metadata
 * (author, device) cannot be removed reliably without re-encoding; the citizen sends a screenshot or a link.
 */
export const RUMOR_FILE_TYPES = ['jpeg', 'png', 'webp'] as const;
export type RumorFileType = (typeof RUMOR_FILE_TYPES)[number];
export const RUMOR_FILE_MIME: Record<RumorFileType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** One reported link: http or https only, at most RUMOR_LIMITS.url characters. */
export const RumorUrlSchema = z
  .string()
  .trim()
  .max(RUMOR_LIMITS.url)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'liên kết phải bắt đầu bằng http:// hoặc https://');

/** "one per line" (the portal form, a multipart field) → the links, blank lines dropped. */
export function splitLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Staff entry of a report (channel "staff"). JSON, or multipart/form-data with the same fields plus an optional
 * "file" part (there `urls` is one link per line and the informant's fields are informantName, informantPhone,
 * informantEmail, informantSocialId). `unitId`: the desk (default: the actor's unit); `caseId`: join that case
 * instead of clustering.
 */
export const StaffReportInput = z
  .object({
    unitId: z.uuid().optional(),
    description: z.string().trim().max(RUMOR_LIMITS.description).transform(nfc).default(''),
    urls: z.array(RumorUrlSchema).max(RUMOR_LIMITS.urls).default([]),
    seenAt: z.iso.datetime({ offset: true }).optional(),
    caseId: z.uuid().optional(),
    informant: InformantInputSchema.optional(),
  })
  .refine((r) => r.description !== '' || r.urls.length > 0, { message: 'cần mô tả hoặc ít nhất một liên kết', path: ['description'] });
export type StaffReportInputValue = z.infer<typeof StaffReportInput>;

/** What filing a report answers: the report (never who), the case it joined or opened. */
export const RumorReportCreatedOut = z.object({ report: RumorReportOut, case: RumorCaseSummaryOut, opened: z.boolean() });
export type RumorReportCreated = z.infer<typeof RumorReportCreatedOut>;

/** A desk lead's reveal: why (kept in the audit trail; the identity never is). */
export const RevealInput = z.object({ reason: z.string().trim().min(10).max(RUMOR_LIMITS.reason).transform(nfc) });
export const RevealOut = z.object({ identity: RevealedIdentity });

/** What the citizen's status page shows for a reference code: nothing about any informant or other reporters. */
export const RumorPublicStatus = z.object({
  code: z.string(),
  /** When the report was received (ISO). */
  receivedAt: z.string(),
  status: z.enum(RUMOR_STATUSES),
  statusLabel: z.string(),
  /** Only once the conclusion is approved. */
  verdict: z.enum(RUMOR_VERDICTS).nullable(),
  verdictLabel: z.string().nullable(),
  /** The public correction, once published on the portal. */
  correctionUrl: z.string().nullable(),
});
export type RumorPublicStatusView = z.infer<typeof RumorPublicStatus>;

/** The public form's fields (/phan-anh-tin-sai, multipart): `website` is the honeypot, `t` the signed form time. */
export const RumorPortalForm = z.object({
  /** Optional when a link or an image is sent (the service refuses a report with none of the three). */
  description: z.string().trim().max(RUMOR_LIMITS.description).transform(nfc).default(''),
  links: z
    .string()
    .max((RUMOR_LIMITS.url + 2) * RUMOR_LIMITS.urls)
    .default(''),
  name: z.string().trim().max(RUMOR_LIMITS.name).transform(nfc).default(''),
  phone: z.string().trim().max(RUMOR_LIMITS.contact).default(''),
  email: z.string().trim().max(RUMOR_LIMITS.contact).default(''),
  consent: z.literal('yes'),
  t: z.string().max(200),
  website: z.string().max(500).optional(),
});
export type RumorPortalFormValue = z.infer<typeof RumorPortalForm>;
