// Intake of reports (issue #15 point 1: the portal form, staff entry) and the informant's confidentiality (point 5).
//
// Who the informant is — name, phone (normalised), e-mail, social account id, the IP address and user agent of a
// portal submission, the upload's original file name — is sealed as ONE value by the informant vault before it
// touches the database; the report row, logs and audit events hold none of it. The uploaded file is an image only
// (JPEG, PNG, WebP, type from content), its metadata stripped (platform/strip-metadata.ts) before it is stored, and
// its hash is the STRIPPED bytes' (clustering compares it). Only a desk lead (rumor.reveal) of the case's unit sees
// an identity, per request, with a reason that the audit trail keeps (never the identity).
//
// The receiving unit of the portal form: the portal settings name no unit, so the desk that receives is the unit of
// an enabled desk-lead account (role desk_lead), the highest in the unit tree, the oldest account on a tie. No desk
// lead: RUMOR_NOT_RECEIVING (the form says to call the hotline).
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import { sniffFileType } from '../../platform/sniff.ts';
import { StripError, stripMetadata } from '../../platform/strip-metadata.ts';
import { normalisePhone } from '../../../shared/sms/phone.ts';
import { RUMOR_LIMITS, RUMOR_STATUS_LABELS, RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RevealedIdentityView, RumorStatus, RumorVerdict } from '../../../shared/contracts/rumors.ts';
import { RUMOR_FILE_MIME, RUMOR_FILE_TYPES, RumorUrlSchema, splitLinks } from '../../../shared/contracts/rumors-intake.ts';
import type { RumorFileType, RumorPortalFormValue, RumorPublicStatusView, RumorReportCreated, StaffReportInputValue } from '../../../shared/contracts/rumors-intake.ts';
import { systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { checkFormTime, signFormTime } from '../publishing/index.ts';
import * as cases from './cases.repository.ts';
import * as repo from './informants.repository.ts';
import { ERASED_MARKER, EMPTY_IDENTITY } from './informant-vault.ts';
import type { InformantIdentity, InformantVault } from './informant-vault.ts';
import { fileReport, resolveReportUrls } from './reports.core.ts';
import { deskUnit, loadCase } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentCaseSummary, presentReport } from './rumors.present.ts';

/** The public form: five reports per address per 10 minutes (like the question form). */
export const RUMOR_FORM_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

export interface IntakeDeps {
  vault: InformantVault;
  /** Days after a case closes when its informants are erased (RUMOR_RETENTION_DAYS). */
  retentionDays: number;
  /** The published correction's public address (publishing.portal.postById), or null while not published. */
  correction: (postId: string, tx: Db) => Promise<{ url: string; publishedAt: string | null } | null>;
}

/** An uploaded file as the routes read it (the original name only ever goes into the sealed identity). */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/** What the request says about the sender (the portal form): sealed with the identity, nowhere else. */
export interface SenderMeta {
  ip: string | null;
  userAgent: string | null;
}

const emailSchema = z.email();

const clean = (s: string | null | undefined): string | null => {
  const v = (s ?? '').normalize('NFC').trim();
  return v === '' ? null : v;
};

/** A phone as stored: the one Vietnamese mobile form when it is one, else digits and a leading + (landlines, foreign). */
function normalisedPhone(raw: string | null): string | null {
  if (!raw) return null;
  const mobile = normalisePhone(raw);
  if (mobile) return mobile;
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) throw new AppError('RUMOR_BAD_CONTACT');
  return compact;
}

function normalisedEmail(raw: string | null): string | null {
  if (!raw) return null;
  if (!emailSchema.safeParse(raw).success) throw new AppError('RUMOR_BAD_CONTACT');
  return raw.toLowerCase();
}

function contactKindOf(i: InformantIdentity): 'email' | 'phone' | 'social' | null {
  return i.email ? 'email' : i.phone ? 'phone' : i.socialId ? 'social' : null;
}

/** The code a citizen typed, in its one form ("pa-7k3m q9xd" → "PA-7K3M-Q9XD"), or null when it cannot be one. */
export function normalizeReportCode(raw: string): string | null {
  const s = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[OIL]/g, (c) => (c === 'O' ? '0' : '1'));
  const m = /^PA([0-9A-HJKMNP-TV-Z]{4})([0-9A-HJKMNP-TV-Z]{4})$/.exec(s);
  return m ? `PA-${m[1]}-${m[2]}` : null;
}

/** The file as the desk keeps it: an image (type from content), its metadata stripped, hashed after stripping. */
export async function storeUpload(ctx: RumorsContext, file: UploadedFile): Promise<{ id: string; sha256: string; type: RumorFileType; size: number }> {
  if (file.content.length > RUMOR_LIMITS.fileBytes) throw new AppError('RUMOR_FILE_TOO_LARGE', { max: RUMOR_LIMITS.fileBytes / 1024 / 1024 });
  const type = sniffFileType(file.content, RUMOR_FILE_TYPES);
  if (!type) throw new AppError('RUMOR_FILE_TYPE');
  let bytes: Buffer;
  try {
    bytes = stripMetadata(type, file.content).bytes;
  } catch (e) {
    if (e instanceof StripError) throw new AppError('RUMOR_FILE_BROKEN');
    throw e;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const saved = await ctx.files.save(bytes, type === 'jpeg' ? 'jpg' : type);
  return { id: saved.key, sha256, type, size: bytes.length };
}

export function createIntakeService(ctx: RumorsContext, deps: IntakeDeps) {
  const { db, clock, vault } = { ...ctx, ...deps };

  /** Seals an identity into a new informant row (inside the caller's transaction); returns its id. */
  async function sealInformant(unitId: string, identity: Partial<InformantIdentity>, opts: InTx = {}): Promise<string> {
    const full: InformantIdentity = { ...EMPTY_IDENTITY };
    for (const k of Object.keys(EMPTY_IDENTITY) as (keyof InformantIdentity)[]) full[k] = clean(identity[k]);
    const { keyId, sealed } = vault.seal(full);
    return inTx(db, opts, async (tx) => {
      const row = await repo.insertInformant(tx, { id: randomUUID(), unitId, keyId, sealed, contactKind: contactKindOf(full), createdAt: clock.now() });
      return row.id;
    });
  }

  /** Opens an identity (no access check: callers are the reveal below and the outcome notifier, never a response). */
  async function openInformant(informantId: string, opts: InTx = {}): Promise<InformantIdentity & { erased: boolean }> {
    const row = await repo.findInformant(opts.tx ?? db, informantId);
    if (!row) throw new AppError('RUMOR_NO_INFORMANT');
    if (row.erasedAt || row.keyId === ERASED_MARKER) return { ...EMPTY_IDENTITY, erased: true };
    return { ...vault.open(row.keyId, row.sealed), erased: false };
  }

  async function created(tx: Db, unit: { id: string; name: string }, r: Awaited<ReturnType<typeof fileReport>>, canNotify: boolean): Promise<RumorReportCreated> {
    const names = r.kase.assigneeId ? await cases.userNames(tx, [r.kase.assigneeId]) : new Map<string, string>();
    return {
      report: presentReport(r.report, canNotify),
      case: presentCaseSummary({ ...r.kase, unitName: unit.name, assigneeName: r.kase.assigneeId ? (names.get(r.kase.assigneeId) ?? null) : null }, clock.now()),
      opened: r.opened,
    };
  }

  /** What the audit trail says about a new report: what and where, never who. */
  const auditAfter = (r: Awaited<ReturnType<typeof fileReport>>) => ({
    code: r.report.code,
    caseId: r.kase.id,
    caseCode: r.kase.code,
    channel: r.report.channel,
    opened: r.opened,
    mergedCaseIds: r.mergedCaseIds,
    urls: r.report.urls,
    file: r.report.fileType ? { type: r.report.fileType, size: r.report.fileSize } : null,
    hasInformant: r.report.informantId !== null,
  });

  return {
    sealInformant,
    openInformant,

    /** Staff entry (channel "staff"): the desk's unit (default the actor's), rumor.write there. */
    async fileStaffReport(actor: Actor, input: StaffReportInputValue, file: UploadedFile | null): Promise<RumorReportCreated> {
      const { unit, a } = await deskUnit(ctx, actor, input.unitId ?? actor.unitId, 'rumor.write');
      if (input.caseId) {
        const { row } = await loadCase(ctx, actor, input.caseId, 'rumor.write');
        if (row.unitId !== unit.id) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'caseId', message: 'vụ việc thuộc đơn vị khác' }]);
      }
      const inf = input.informant ?? {};
      const identity: Partial<InformantIdentity> = {
        name: clean(inf.name),
        phone: normalisedPhone(clean(inf.phone)),
        email: normalisedEmail(clean(inf.email)),
        socialId: clean(inf.socialId),
      };
      const hasIdentity = Object.values(identity).some((v) => v !== null);
      // Short links are followed before the transaction (it waits on the network); clustering compares their targets.
      const resolvedUrls = ctx.linkResolver ? await resolveReportUrls(ctx.linkResolver, input.urls) : null;
      const stored = file ? await storeUpload(ctx, file) : null;
      // The original file name may name the informant: kept (sealed) only with an informant record, else dropped.
      if (hasIdentity && file) identity.fileName = clean(file.fileName);
      try {
        return await db.transaction(async (tx) => {
          const now = clock.now();
          const informantId = hasIdentity ? await sealInformant(unit.id, identity, { tx }) : null;
          const r = await fileReport(
            tx,
            {
              unitId: unit.id,
              channel: 'staff',
              description: input.description,
              urls: input.urls,
              file: stored,
              informantId,
              seenAt: input.seenAt ? new Date(input.seenAt) : null,
              caseId: input.caseId ?? null,
              createdBy: a.userId,
              resolvedUrls,
            },
            now,
          );
          await recordAudit(tx, a, { action: 'rumor.report.create', entity: 'rumor_report', entityId: r.report.id, unitId: unit.id, after: auditAfter(r) });
          return created(tx, unit, r, contactKindOf({ ...EMPTY_IDENTITY, ...identity }) !== null);
        });
      } catch (e) {
        if (stored) await ctx.files.remove(stored.id).catch(() => undefined);
        throw e;
      }
    },

    /** The signed time for a freshly served public form. */
    /** The form's signed time (now; the demo signs a form it filled in a minute earlier). */
    formToken: (at: Date = clock.now()) => signFormTime(vault.formSecret(), at),

    /**
     * A citizen's report from the public form (channel "portal"): honeypot empty, form neither too fast nor stale,
     * consent given, links http(s) (at most 10), an image at most. Returns the citizen's reference code.
     */
    async submitPortalReport(input: RumorPortalFormValue, file: UploadedFile | null, meta: SenderMeta): Promise<{ code: string }> {
      if (input.website && input.website.trim() !== '') throw new AppError('FORM_REJECTED');
      const check = checkFormTime(vault.formSecret(), input.t, clock.now());
      if (check === 'too_fast') throw new AppError('RUMOR_FORM_TOO_FAST');
      if (check !== 'ok') throw new AppError('RUMOR_FORM_EXPIRED');
      const links = splitLinks(input.links);
      if (links.length > RUMOR_LIMITS.urls || links.some((l) => !RumorUrlSchema.safeParse(l).success)) throw new AppError('RUMOR_BAD_LINKS', { max: RUMOR_LIMITS.urls });
      if (input.description === '' && links.length === 0 && !file) throw new AppError('RUMOR_EMPTY_REPORT');
      const identity: Partial<InformantIdentity> = {
        name: clean(input.name),
        phone: normalisedPhone(clean(input.phone)),
        email: normalisedEmail(clean(input.email)),
        ip: clean(meta.ip),
        userAgent: clean(meta.userAgent?.slice(0, 500)),
        fileName: file ? clean(file.fileName.slice(0, 255)) : null,
      };
      const unitId = await repo.receivingUnitId(db);
      if (!unitId) throw new AppError('RUMOR_NOT_RECEIVING');
      const resolvedUrls = ctx.linkResolver ? await resolveReportUrls(ctx.linkResolver, links) : null;
      const stored = file ? await storeUpload(ctx, file) : null;
      try {
        return await db.transaction(async (tx) => {
          const informantId = await sealInformant(unitId, identity, { tx });
          const r = await fileReport(tx, { unitId, channel: 'portal', description: input.description, urls: links, file: stored, informantId, resolvedUrls }, clock.now());
          // The portal form has no user: the system acts for it, without the sender's address (that is sealed).
          await recordAudit(tx, systemActor('auth:portal-form'), { action: 'rumor.report.create', entity: 'rumor_report', entityId: r.report.id, unitId, after: auditAfter(r) });
          return { code: r.report.code };
        });
      } catch (e) {
        if (stored) await ctx.files.remove(stored.id).catch(() => undefined);
        throw e;
      }
    },

    /** The citizen's status page: the case's status, and once approved the verdict (and the correction once published). */
    async publicStatus(rawCode: string): Promise<RumorPublicStatusView | null> {
      const code = normalizeReportCode(rawCode);
      if (!code) return null;
      const report = await cases.findReportByCode(db, code);
      if (!report) return null;
      const kase = await cases.findCase(db, report.caseId);
      if (!kase) return null;
      const approved = kase.conclusionState === 'approved' && kase.verdict !== null;
      const verdict = approved ? (kase.verdict as RumorVerdict) : null;
      const correction = approved && kase.correctionPostId ? await deps.correction(kase.correctionPostId, db) : null;
      return {
        code: report.code,
        receivedAt: report.createdAt.toISOString(),
        status: kase.status as RumorStatus,
        statusLabel: RUMOR_STATUS_LABELS[kase.status as RumorStatus].vi,
        verdict,
        verdictLabel: verdict ? RUMOR_VERDICT_LABELS[verdict].vi : null,
        correctionUrl: correction?.url ?? null,
      };
    },

    /** A desk lead's reveal of a report's informant: rumor.reveal in the report's unit, a reason, audited (without the identity). */
    async revealInformant(actor: Actor, reportId: string, input: { reason: string }): Promise<RevealedIdentityView> {
      const report = await repo.findReport(db, reportId);
      if (!report) throw new AppError('NOT_FOUND');
      const { a } = await deskUnit(ctx, actor, report.unitId, 'rumor.reveal');
      if (!report.informantId) throw new AppError('RUMOR_NO_INFORMANT');
      const informantId = report.informantId;
      return db.transaction(async (tx) => {
        const identity = await openInformant(informantId, { tx });
        await recordAudit(tx, a, {
          action: 'rumor.informant.reveal',
          entity: 'rumor_report',
          entityId: report.id,
          unitId: report.unitId,
          after: { reportCode: report.code, caseId: report.caseId, informantId, reason: input.reason, erased: identity.erased },
        });
        return identity;
      });
    },

    /** The report's stored file (metadata stripped) for rumor.read in the report's unit; named by the report's code. */
    async openReportFile(actor: Actor, reportId: string): Promise<{ stream: Readable; size: number; mime: string; fileName: string }> {
      const report = await repo.findReport(db, reportId);
      if (!report) throw new AppError('NOT_FOUND');
      await deskUnit(ctx, actor, report.unitId, 'rumor.read');
      if (!report.fileId || !report.fileType) throw new AppError('RUMOR_NO_FILE');
      const f = await ctx.files.open(report.fileId);
      if (!f) throw new AppError('RUMOR_NO_FILE');
      const type = report.fileType as RumorFileType;
      return { ...f, mime: RUMOR_FILE_MIME[type] ?? 'application/octet-stream', fileName: `${report.code}.${type === 'jpeg' ? 'jpg' : type}` };
    },

    /**
     * Rotation (`loa rumors rotate-key`): a new newest key (file or memory ring; with LOA_INFORMANT_KEY the operator
     * set it already), then every live identity sealed under another key re-sealed under it, in one transaction.
     */
    async rotateKey(actor: Actor, o: { newKey: boolean } = { newKey: true }): Promise<{ keyId: string; resealed: number }> {
      const keyId = o.newKey && vault.source !== 'env' ? vault.addKey() : vault.currentKeyId();
      return db.transaction(async (tx) => {
        const rows = await repo.sealedNotUnder(tx, keyId);
        const resealed = rows.map((r) => {
          const sealed = vault.seal(vault.open(r.keyId, r.sealed));
          return { id: r.id, sealed: sealed.sealed };
        });
        await repo.reseal(tx, keyId, resealed);
        await recordAudit(tx, actor, {
          action: 'rumor.informant.rotate',
          entity: 'rumor_informant_key',
          entityId: keyId,
          unitId: null,
          after: { keyId, resealed: resealed.length },
        });
        return { keyId, resealed: resealed.length };
      });
    },

    /** Retention (the daily job): identities erased `retentionDays` after every case of theirs closed. */
    async eraseExpired(): Promise<{ erased: number }> {
      return db.transaction(async (tx) => {
        const erased = await repo.eraseDue(tx, clock.now(), deps.retentionDays, ERASED_MARKER);
        const byUnit = new Map<string, number>();
        for (const e of erased) byUnit.set(e.unitId, (byUnit.get(e.unitId) ?? 0) + 1);
        const a = systemActor('job:rumors.erase-informants');
        for (const [unitId, count] of byUnit)
          await recordAudit(tx, a, { action: 'rumor.informant.erase', entity: 'rumor_informant', entityId: null, unitId, after: { count, retentionDays: deps.retentionDays } });
        return { erased: erased.length };
      });
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
