/**
 * Importing a công văn received outside Loa: the file's type is read from its content, its text
 * extracted and parsed, the issuer and the addressees matched against the directory (the
 * importer's province and every organisation) and the importer's recipient groups; the proposal is
 * stored with the file's hash so the same file imported twice is recognised. Confirming (with the
 * officer's corrections) registers the received document in the unit's inbox and creates the
 * tasks and the report form the dispatch asks for.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import { ROLES, ROLE_LABELS, authorize, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CreateDirectiveBody, URGENCY_LABELS, fullSymbol } from '../directives/index.ts';
import type { Body, Block, DirectivesService, Run } from '../directives/index.ts';
import { CreateTaskBody, dueRuleFromSchedule, formFromParsed } from '../tasks/index.ts';
import type { DueRule, TasksService } from '../tasks/index.ts';
import { inForceAt } from '../units/index.ts';
import type { GroupsService, HistoryRef, UnitLookup, UnitsService } from '../units/index.ts';
import { analysisFailure, withAnalysis } from './analysis.ts';
import type { ExtractFormat } from './parse/extract.ts';
import { ANALYSIS_LIMITS, checkTextSize } from './parse/limits.ts';
import type { AnalysisLimits } from './parse/limits.ts';
import type { ParsedDispatch, Schedule } from '../../../shared/dispatch.ts';
import { LOW_CONFIDENCE, shortTitle, squash } from './proposal.ts';
import type { ProposedMatch, ReadProposal } from './proposal.ts';
import * as repo from './imports.repository.ts';
import type { ImportRow } from './imports.repository.ts';
import { IMPORT_LIMITS } from './imports.schemas.ts';
import type { ConfirmInput, Proposal, TaskProposal, TaskProposalInput } from './imports.schemas.ts';

/** The entry under an importing unit that files documents whose issuer is not in the directory. */
export const EXTERNAL_ISSUER_NAME = 'Cơ quan gửi văn bản ngoài danh bạ';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The format from the content, never from the name: %PDF, a zip (DOCX), else UTF-8/UTF-16 text. */
export function detectFormat(bytes: Uint8Array): ExtractFormat {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'docx';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'txt';
  try {
    // The first 64 KiB decide (a whole 10 MiB text is decoded only inside the analysis sandbox).
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 65_536), { stream: true });
    // Control characters other than tab/newline/carriage return mean a binary file.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001a]/.test(s)) throw new Error('binary');
    return 'txt';
  } catch {
    throw new AppError('IMPORT_UNSUPPORTED_FILE');
  }
}

// Body: the parser's paragraphs (with **bold** and *italic*) as a directive body.

function runs(paragraph: string): Run[] {
  const out: Run[] = [];
  for (const part of paragraph.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ text: part.slice(2, -2), bold: true });
    else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) out.push({ text: part.slice(1, -1), italic: true });
    else out.push({ text: part });
  }
  return out.length ? out : [{ text: paragraph }];
}
const para = (p: string): Block => ({ kind: 'paragraph', runs: runs(p.slice(0, 20_000)) });
const squashKey = (s: string) => squash(s).slice(0, 60);

/** Opening paragraphs (legal bases apart), numbered sections, and what follows the last section. */
export function bodyFromParsed(parsed: ParsedDispatch): { body: Body; legalBases: string[] } {
  const sectionStarts = new Set(parsed.sections.map((s) => squashKey(s.items[0] ?? s.heading ?? '')));
  const lastItems = parsed.sections.at(-1)?.items ?? [];
  const lastKey = squashKey(lastItems.at(-1) ?? '');
  const opening: string[] = [];
  const closing: string[] = [];
  let phase: 'opening' | 'sections' | 'closing' = 'opening';
  for (const p of parsed.body) {
    const key = squashKey(p.replace(/^\s*(?:\*\*)?\s*[0-9IVX]+[.)]\s*/, ''));
    if (phase === 'opening' && parsed.sections.length && (sectionStarts.has(key) || /^\s*(?:\*\*)?\s*1[.)]\s/.test(p))) phase = 'sections';
    if (phase === 'opening') opening.push(p);
    else if (phase === 'closing') closing.push(p);
    if (phase === 'sections' && lastKey && (key === lastKey || squashKey(p).includes(lastKey))) phase = 'closing';
  }
  const legalBases = opening.filter((p) => /^Căn cứ(?=\s)/u.test(p.trim())).map((p) => p.trim().slice(0, 2000)).slice(0, 50);
  return {
    legalBases,
    body: {
      opening: opening.filter((p) => !legalBases.includes(p.trim())).map(para).slice(0, 500),
      sections: parsed.sections.slice(0, 100).map((s) => ({
        number: s.number.slice(0, 20),
        heading: s.heading ? runs(s.heading) : null,
        addressees: s.addressees.map((a) => a.slice(0, 300)).filter((a) => a.trim() !== '').slice(0, 50),
        blocks: s.items.map(para).slice(0, 500),
      })),
      closing: closing.map(para).slice(0, 500),
    },
  };
}

/** One week after the dispatch (or today) at 17:00 Viet Nam time: the deadline proposed when none is printed. */
function defaultDueRule(dateKey: string): DueRule {
  const d = new Date(`${dateKey}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return { kind: 'once', at: `${d.toISOString().slice(0, 10)}T17:00:00+07:00` };
}

const sameSchedule = (a: Schedule | null | undefined, b: Schedule | null | undefined) => Boolean(a && b && JSON.stringify(a) === JSON.stringify(b));

/** The date a dispatch speaks of: its printed date (a month-only date counts from the 1st) or today. */
function dateOf(parsed: ParsedDispatch, today: string): string {
  if (parsed.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date)) return parsed.date;
  if (parsed.date && /^\d{4}-\d{2}$/.test(parsed.date)) return `${parsed.date}-01`;
  return today;
}

/** The note on a match to a unit of a list no longer in force, naming today's units proposed instead. */
function outOfForceNote(successors: readonly { name: string }[]): string {
  return `Đơn vị cũ (trước sắp xếp 2025) — đề xuất đơn vị hiện nay: ${successors.map((u) => u.name).join(', ')}`;
}

/**
 * Matches to units of an edition not in force today (a 2021 dispatch read in the 2026 tree) that
 * have successors in the unit history: each keeps the old unit as its match, is flagged with a
 * note, and carries today's successors. A flagged match never becomes an assignee: its
 * successors are offered to the officer (see buildProposal).
 */
async function withSuccessors(units: UnitLookup, read: ReadProposal, today: string): Promise<ReadProposal> {
  const ids = [...new Set([...read.recipients, ...read.cc, ...read.addressees].flatMap((m) => (m.target?.type === 'unit' ? [m.target.id] : [])))];
  const old = (await units.byIds(ids)).filter((u) => !inForceAt(u, today));
  if (old.length === 0) return read;
  const direct = await units.successorsOf(old.map((u) => u.id));
  const current = (refs: readonly HistoryRef[]) => refs.filter((r) => inForceAt(r, today)).map((r) => ({ id: r.id, name: r.name }));
  const byId = new Map(old.map((u) => [u.id, u]));
  const mark = <M extends ProposedMatch>(m: M): M => {
    const u = m.target?.type === 'unit' ? byId.get(m.target.id) : undefined;
    if (!u) return m;
    const successors = current(direct.get(u.id) ?? []);
    // A body the reform left without a successor (a district's centre) stays the match, as it is.
    return successors.length ? { ...m, flagged: true, note: outOfForceNote(successors), successors } : m;
  };
  return { ...read, recipients: read.recipients.map(mark), cc: read.cc.map(mark), addressees: read.addressees.map(mark) };
}

/**
 * Completes what the sandboxed reading proposed (fields, matches, sources) with the tasks: one
 * per section, assigned to its confident matches, and the report form the dispatch asks for.
 */
export function buildProposal(read: ReadProposal, parsed: ParsedDispatch, names: Map<string, string>, today: string): Proposal {
  const { issuer, fields, recipients, cc, addressees } = read;
  const low = LOW_CONFIDENCE;
  // Tasks: one per parsed task (section), assigned to the section's matched addressees.
  const report = parsed.reportForm;
  let reportAttached = false;
  const tasks: TaskProposal[] = parsed.tasks.map((t) => {
    // Only confident matches become assignees; a flagged one waits for the officer's correction.
    const sectionMatches = addressees.filter((a) => a.section === t.section);
    const targets = sectionMatches.filter((a) => a.target && !a.flagged);
    const unitIds = [...new Set(targets.filter((a) => a.target?.type === 'unit').map((a) => a.target?.id ?? ''))];
    const groupIds = [...new Set(targets.filter((a) => a.target?.type === 'group').map((a) => a.target?.id ?? ''))];
    // Today's successors of old units: offered for the officer to confirm, not assigned.
    const suggested = new Map<string, { id: string; name: string; note: string }>();
    for (const a of sectionMatches) for (const u of a.successors ?? []) if (!unitIds.includes(u.id)) suggested.set(u.id, { ...u, note: a.note ?? outOfForceNote([u]) });
    const schedule = t.deadline?.schedule ?? null;
    const rule = schedule ? dueRuleFromSchedule(schedule) : null;
    const withForm = Boolean(report && report.indicators.length && !reportAttached && sameSchedule(report.schedule, schedule));
    if (withForm) reportAttached = true;
    const section = parsed.sections.find((s) => s.number === t.section);
    // The first clause is the title; the whole paragraph (heading and items) the description.
    const paragraph = section ? [section.heading, ...section.items].filter(Boolean).join('\n') : '';
    return {
      section: t.section,
      title: shortTitle(t.title, t.assignees, section?.heading ? section.items[0] : undefined),
      description: paragraph.slice(0, 4000) || null,
      assignees: { unitIds, groupIds },
      assigneeNames: [...unitIds, ...groupIds].map((id) => names.get(id) ?? id),
      dueRule: rule ?? defaultDueRule(dateOf(parsed, today)),
      dueRuleProposed: !rule,
      reportForm: withForm && report ? formFromParsed('Kết quả thực hiện', report.indicators) : null,
      flagged: unitIds.length + groupIds.length === 0 || !rule || sectionMatches.some((a) => a.flagged),
      suggestedAssignees: [...suggested.values()],
    };
  });
  // A report requested outside any numbered section: its own task, to every matched recipient.
  if (report && report.indicators.length && !reportAttached) {
    const confident = recipients.filter((r) => !r.flagged);
    const unitIds = [...new Set(confident.filter((r) => r.target?.type === 'unit').map((r) => r.target?.id ?? ''))];
    const groupIds = [...new Set(confident.filter((r) => r.target?.type === 'group').map((r) => r.target?.id ?? ''))];
    const rule = report.schedule ? dueRuleFromSchedule(report.schedule) : null;
    tasks.push({
      section: null,
      title: shortTitle(`Báo cáo kết quả: ${parsed.subject ?? 'công văn'}`.replace(/:/, ' –'), []),
      description: report.deadlineText,
      assignees: { unitIds, groupIds },
      assigneeNames: [...unitIds, ...groupIds].map((id) => names.get(id) ?? id),
      dueRule: rule ?? defaultDueRule(dateOf(parsed, today)),
      dueRuleProposed: !rule,
      reportForm: formFromParsed('Kết quả thực hiện', report.indicators),
      flagged: true,
      suggestedAssignees: [],
    });
  }

  const flagged = [
    ...fields.filter((f) => f.flagged).map((f) => f.field),
    ...(issuer === null || issuer.confidence < low ? ['issuerUnit'] : []),
    ...recipients.flatMap((r, i) => (r.flagged ? [`recipients[${i}]`] : [])),
    ...cc.flatMap((r, i) => (r.flagged ? [`cc[${i}]`] : [])),
    ...addressees.flatMap((r, i) => (r.flagged ? [`addressees[${i}]`] : [])),
    ...tasks.flatMap((t, i) => (t.flagged ? [`tasks[${i}]`] : [])),
  ];
  return { issuer, fields, recipients, cc, addressees, tasks, flagged };
}

function urgencyCode(printed: string | null): 'khan' | 'thuong_khan' | 'hoa_toc' | null {
  if (!printed) return null;
  const p = printed.normalize('NFC').toUpperCase().trim();
  const hit = Object.entries(URGENCY_LABELS).find(([, label]) => label === p);
  return hit ? (hit[0] as 'khan' | 'thuong_khan' | 'hoa_toc') : null;
}

const nonEmpty = (s: string | null | undefined, max: number) => {
  const t = s?.trim();
  return t ? t.slice(0, max) : null;
};

/**
 * The fields of a directive as a parsed dispatch prints them (unvalidated: pass them through the
 * directives' CreateDirectiveBody). Used to confirm an import and to seed the demo.
 */
export function directiveFieldsFromParsed(parsed: ParsedDispatch) {
  const { body, legalBases } = bodyFromParsed(parsed);
  const authority = parsed.signerAuthority && ['KT.', 'TL.', 'TM.', 'Q.', 'TUQ.'].includes(parsed.signerAuthority) ? parsed.signerAuthority : null;
  return {
    issuerParent: nonEmpty(parsed.issuerParent, 300),
    issuer: nonEmpty(parsed.issuer, 300) ?? undefined,
    docType: parsed.docType,
    symbol: nonEmpty(parsed.symbol?.replace(/\s+/g, ''), 100) ?? undefined,
    place: nonEmpty(parsed.place, 100),
    subject: nonEmpty(parsed.subject, 1000) ?? undefined,
    urgency: urgencyCode(parsed.urgency),
    legalBases,
    body,
    citations: parsed.citations
      .filter((c) => /^\d{1,6}$/.test(c.number) && c.symbol.trim() !== '' && Number(c.number) > 0)
      .slice(0, 100)
      .map((c) => ({ type: nonEmpty(c.type, 100), number: Number(c.number), symbol: c.symbol.slice(0, 100), date: c.date && /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? c.date : null })),
    addressees: parsed.recipients.map((r) => r.slice(0, 300)).filter((r) => r.trim() !== '').slice(0, 100),
    cc: parsed.cc
      .filter((c) => !/^như trên$/iu.test(c.trim()) && c.trim() !== '')
      .slice(0, 100)
      .map((c) => ({ name: c.slice(0, 300), purpose: null })),
    archive: (parsed.archive ?? '')
      .replace(/^Lưu:?\s*/iu, '')
      .replace(/\.$/, '')
      .split(',')
      .map((s) => s.trim().slice(0, 50))
      .filter((s) => s !== '')
      .slice(0, 20),
    signer: { authority, position: nonEmpty(parsed.signerPosition, 200), title: nonEmpty(parsed.signerTitle, 200), name: nonEmpty(parsed.signerName, 200) },
  };
}

export interface ImportServiceLimits {
  analysis: AnalysisLimits;
  /** Analyses running at once for one unit, and in this process. */
  perUnit: number;
  total: number;
}

export const IMPORT_SERVICE_LIMITS: ImportServiceLimits = { analysis: ANALYSIS_LIMITS, perUnit: 2, total: 4 };

/**
 * Counts the analyses running in this process, per unit and in all: past either limit an upload is
 * refused at once (429 for the unit, 503 for the server) rather than queued behind the others.
 */
function analysisSlots(limits: ImportServiceLimits) {
  const perUnit = new Map<string, number>();
  let total = 0;
  return {
    running: () => total,
    acquire(unitId: string): () => void {
      const mine = perUnit.get(unitId) ?? 0;
      if (mine >= limits.perUnit) throw new AppError('IMPORT_UNIT_BUSY', { count: mine, limit: limits.perUnit });
      if (total >= limits.total) throw new AppError('IMPORT_SERVER_BUSY');
      perUnit.set(unitId, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (perUnit.get(unitId) ?? 1) - 1;
        if (left > 0) perUnit.set(unitId, left);
        else perUnit.delete(unitId);
      };
    },
  };
}

/** Who may create the tasks of an import in a unit: the roles holding task.write there, by their Vietnamese names. */
function taskAssigners(unitPath: string): string {
  const probe = { userId: '', username: '', displayName: '', unitId: '', unitPath, ip: null };
  return ROLES.filter((r) => can({ ...probe, roles: [r] }, 'task.write', { unitPath }))
    .map((r) => ROLE_LABELS[r].vi)
    .join(', ');
}

/** The AppError a failed analysis answers with (its reason in Vietnamese), or the error itself. */
function analysisError(err: unknown, limits: AnalysisLimits): unknown {
  const f = analysisFailure(err, limits);
  if (!f) return err;
  switch (f.code) {
    case 'unpacked_too_large':
      return new AppError('IMPORT_UNPACKED_TOO_LARGE', { reason: f.message, limit: f.params.limit ?? '' });
    case 'too_many_pages':
      return new AppError('IMPORT_TOO_MANY_PAGES', { pages: f.params.pages ?? '', limit: f.params.limit ?? '' });
    case 'text_too_large':
      return new AppError('IMPORT_TEXT_TOO_LARGE', { size: f.params.size ?? '', limit: f.params.limit ?? '' });
    case 'memory':
      return new AppError('IMPORT_MEMORY_LIMIT', { limit: f.params.limit ?? '' });
    case 'time':
      return new AppError('IMPORT_TIME_LIMIT', { limit: f.params.limit ?? '' });
    case 'unreadable':
      return new AppError('IMPORT_UNREADABLE', { reason: f.message });
  }
}

export function createImportsService(deps: {
  db: Db;
  clock: Clock;
  units: UnitsService;
  groups: GroupsService;
  directives: DirectivesService;
  tasks: TasksService;
  /** Analysis and concurrency limits (tests lower them). */
  limits?: Partial<ImportServiceLimits>;
}) {
  const { db, clock } = deps;
  const limits: ImportServiceLimits = { ...IMPORT_SERVICE_LIMITS, ...deps.limits };
  const slots = analysisSlots(limits);

  function present(row: ImportRow, duplicateOf: string | null = null) {
    return {
      id: row.id,
      unitId: row.unitId,
      fileName: row.fileName,
      format: row.format,
      sizeBytes: row.sizeBytes,
      contentHash: row.contentHash,
      status: row.status,
      directiveId: row.directiveId,
      createdAt: row.createdAt.toISOString(),
      duplicateOf,
      text: row.text,
      parsed: row.parsed,
      proposal: row.proposal as Proposal,
    };
  }

  /** The importer's province (the second segment of its path), or its own unit above provinces. */
  function provincePath(unitPath: string): string {
    const parts = unitPath.split('.');
    return parts.length >= 2 ? parts.slice(0, 2).join('.') : unitPath;
  }


  return {
    /**
     * Reads an uploaded dispatch and proposes how to register it. The same file imported again by
     * the same unit returns the earlier import with `duplicateOf` set (nothing new is stored).
     */
    async createImport(actor: Actor, file: { fileName: string; content: Uint8Array }) {
      const a = authorize(actor, 'import.create', { unitPath: actor.unitPath });
      if (file.content.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: 'tệp rỗng' }]);
      if (file.content.byteLength > IMPORT_LIMITS.fileBytes) throw new AppError('PAYLOAD_TOO_LARGE');
      const format = detectFormat(file.content);
      const contentHash = createHash('sha256').update(file.content).digest('hex');
      const earlier = await repo.findImportByHash(db, a.unitId, contentHash);
      if (earlier) return { import: present(earlier, earlier.id), duplicate: true };

      // A plain text over the limit is refused without starting a worker.
      if (format === 'txt') {
        try {
          checkTextSize(file.content.byteLength, limits.analysis);
        } catch (err) {
          throw analysisError(err, limits.analysis);
        }
      }
      // Extraction, parsing and matching run in a sandbox worker; nothing is stored unless all succeed.
      const release = slots.acquire(a.unitId);
      const today = vnDateKey(clock.now());
      let analysed: { text: string; parsed: ParsedDispatch; read: ReadProposal; names: Map<string, string> };
      try {
        analysed = await withAnalysis(limits.analysis, async (call) => {
          const bytes = file.content.slice();
          const { text, parsed } = await call('read', { bytes, format, limits: limits.analysis }, [bytes.buffer]);
          if (text.replace(/\s+/g, '') === '') throw new AppError('IMPORT_UNREADABLE', { reason: 'Tệp không có nội dung chữ để phân tích.' });
          // Home: the importer's province and its predecessors/successors (a 2021 dispatch read in the 2026 tree).
          const { related, paths } = await repo.findRelatedProvinces(db);
          const own = provincePath(a.unitPath).split('.')[1] ?? '';
          const homeProvinces = [own, ...(related[own] ?? [])].filter((id) => paths.has(id));
          const [candidates, groups] = await Promise.all([
            repo.findCandidateUnits(db, { underPaths: homeProvinces.length ? homeProvinces.map((id) => paths.get(id) ?? '') : [provincePath(a.unitPath)], at: dateOf(parsed, today) }),
            deps.groups.listGroups(a, a.unitId).catch((err: unknown) => {
              if (err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) return [];
              throw err;
            }),
          ]);
          const context = { homeProvinces, relatedProvinces: related, importerPath: a.unitPath };
          const read = await call('propose', { text, parsed, candidates, groups: groups.map((g) => ({ id: g.id, name: g.name })), context });
          const names = new Map<string, string>([...candidates.map((c) => [c.id, c.name] as const), ...groups.map((g) => [g.id, g.name] as const)]);
          return { text, parsed, read, names };
        });
      } catch (err) {
        throw analysisError(err, limits.analysis);
      } finally {
        release();
      }
      const { text, parsed, names } = analysed;
      const read = await withSuccessors(deps.units.lookup, analysed.read, today);
      const proposal = buildProposal(read, parsed, names, today);

      try {
        const row = await db.transaction(async (tx) => {
          const created = await repo.insertImport(tx, {
            unitId: a.unitId,
            createdBy: a.userId,
            fileName: file.fileName,
            format,
            sizeBytes: file.content.byteLength,
            contentHash,
            text,
            parsed,
            proposal,
            createdAt: clock.now(),
          });
          await recordAudit(tx, a, {
            action: 'import.create',
            entity: 'dispatch_import',
            entityId: created.id,
            unitId: a.unitId,
            after: { fileName: file.fileName, format, sizeBytes: created.sizeBytes, contentHash, symbol: parsed.symbol, subject: parsed.subject, issuer: proposal.issuer, flagged: proposal.flagged },
          });
          return created;
        });
        return { import: present(row), duplicate: false };
      } catch (err) {
        // Two uploads of the same file at once: the second finds the first.
        if (repo.isUniqueViolation(err)) {
          const first = await repo.findImportByHash(db, a.unitId, contentHash);
          if (first) return { import: present(first, first.id), duplicate: true };
        }
        throw err;
      }
    },

    /** Analyses running in this process now (for tests and diagnostics). */
    analysesRunning(): number {
      return slots.running();
    },

    async getImport(actor: Actor, id: string) {
      const row = await repo.findImportById(db, id);
      if (!row) throw new AppError('NOT_FOUND');
      authorize(actor, 'import.create', { unitPath: row.unitPath }, 'inbox.read');
      return present(row);
    },

    /**
     * Registers the received document with the officer's corrections: in the importing unit's
     * inbox (next arrival number), issued by the matched unit (or the unit's external-senders
     * entry), then the tasks and report form of its sections when the officer may assign tasks.
     */
    async confirmImport(actor: Actor, id: string, input: ConfirmInput) {
      const row = await repo.findImportById(db, id);
      if (!row) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'import.create', { unitPath: row.unitPath }, 'inbox.read');
      if (row.status !== 'proposed') throw new AppError('IMPORT_ALREADY_CONFIRMED');
      const parsed = row.parsed as ParsedDispatch;
      const proposal = row.proposal as Proposal;

      // The directive fields: corrections first, then what was read; validated by the directives' own rules.
      const read = directiveFieldsFromParsed(parsed);
      const draft = {
        ...read,
        issuerUnitId: input.issuerUnitId === undefined ? (proposal.issuer?.id ?? null) : input.issuerUnitId,
        issuerParent: input.issuerParent !== undefined ? input.issuerParent : read.issuerParent,
        issuer: input.issuer ?? read.issuer ?? proposal.issuer?.name ?? undefined,
        docType: input.docType ?? read.docType,
        symbol: input.symbol ?? read.symbol,
        place: input.place !== undefined ? input.place : read.place,
        subject: input.subject ?? read.subject,
        urgency: input.urgency !== undefined ? input.urgency : read.urgency,
        signer: {
          authority: input.signer?.authority !== undefined ? input.signer.authority : read.signer.authority,
          position: input.signer?.position !== undefined ? input.signer.position : read.signer.position,
          name: input.signer?.name !== undefined ? input.signer.name : read.signer.name,
        },
      };
      const date = input.date !== undefined ? input.date : parsed.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date) ? parsed.date : null;
      const number = input.number !== undefined ? input.number : parsed.number && /^\d{1,6}$/.test(parsed.number) ? Number(parsed.number) : null;
      if (number !== null && date === null)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.date', message: 'cần ngày ban hành đầy đủ khi ghi số văn bản (số được cấp theo năm)' }]);
      // Validated before anything is written; the issuer id is checked for existence by the directives module.
      const checked = CreateDirectiveBody.safeParse({ ...draft, issuerUnitId: draft.issuerUnitId ?? row.unitId });
      if (!checked.success) throw new AppError('VALIDATION_FAILED', {}, checked.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })));
      const taskInputs: TaskProposalInput[] = !input.createTasks
        ? []
        : (input.tasks ??
          proposal.tasks.map((t) => ({
            section: t.section,
            title: t.title,
            description: t.description,
            assignees: t.assignees,
            dueRule: t.dueRule as TaskProposalInput['dueRule'],
            reportForm: (t.reportForm as TaskProposalInput['reportForm']) ?? null,
          })));

      // One transaction: the claim (a conditional update that holds the row, so a concurrent confirm
      // waits and then finds it taken), the received document, every task and the finished import.
      // A failure anywhere leaves nothing behind and the import still 'proposed'.
      const { done, registered, created, skipped } = await db.transaction(async (tx) => {
        const claimed = await repo.claimForConfirm(tx, row.id, { userId: a.userId, at: clock.now() });
        if (!claimed) throw new AppError('IMPORT_ALREADY_CONFIRMED');
        const issuerUnitId = draft.issuerUnitId ?? (await deps.units.ensureOtherChild(a, row.unitId, EXTERNAL_ISSUER_NAME, { tx }));
        const { references: _r, ...content } = checked.data;
        const registered = await deps.directives.registerReceivedDirective(a, { ...content, issuerUnitId, receiverUnitId: row.unitId, number, date, source: `import:${row.id}` }, { tx });
        const directive = registered.directive;
        const sourceRef = `${directive.docType === 'CV' ? 'Công văn' : directive.docType} số ${fullSymbol({ number: number, symbol: directive.symbol })}`.slice(0, 300);

        // Tasks: one per section with matched units; the tasks module checks task.write itself.
        const created: { id: string; title: string; assignees: number; reportForm: boolean }[] = [];
        const skipped: { title: string; reason: string }[] = [];
        for (const t of taskInputs) {
          if (t.assignees.unitIds.length + t.assignees.groupIds.length === 0) {
            skipped.push({ title: t.title, reason: 'chưa xác định được đơn vị thực hiện' });
            continue;
          }
          const taskInput = CreateTaskBody.safeParse({
            issuerUnitId: row.unitId,
            title: t.title,
            section: t.section,
            description: t.description,
            directiveId: directive.id,
            sourceRef,
            dueRule: t.dueRule,
            assignees: { unitIds: t.assignees.unitIds, groupIds: t.assignees.groupIds, rules: [] },
            ...(t.reportForm ? { reportForm: t.reportForm } : {}),
          });
          if (!taskInput.success) {
            skipped.push({ title: t.title, reason: taskInput.error.issues.map((i) => i.message).join('; ') });
            continue;
          }
          try {
            // A savepoint per task: a task refused (an AppError) is skipped, the others kept.
            const r = await tx.transaction((sp) => deps.tasks.createTask(a, taskInput.data, { tx: sp }));
            created.push({ id: r.task.id, title: r.task.title, assignees: r.assignees, reportForm: Boolean(t.reportForm) });
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            skipped.push({ title: t.title, reason: err.code === 'FORBIDDEN' ? `không có quyền giao nhiệm vụ; người giao được: ${taskAssigners(row.unitPath)}` : err.code });
          }
        }

        const result = { directiveId: directive.id, inboxItemId: registered.itemId, arrivalNumber: registered.arrivalNumber, tasks: created, skippedTasks: skipped };
        const updated = await repo.finishConfirm(tx, row.id, directive.id, result);
        await recordAudit(tx, a, {
          action: 'import.confirm',
          entity: 'dispatch_import',
          entityId: row.id,
          unitId: row.unitId,
          before: { status: 'proposed' },
          after: { status: 'confirmed', corrections: input, ...result },
        });
        return { done: updated ?? row, registered, created, skipped };
      });
      const directive = registered.directive;
      return {
        import: present(done),
        directive: { id: directive.id, fullSymbol: directive.fullSymbol, subject: directive.subject, issuerUnitId: directive.issuerUnitId, issuer: directive.issuer, status: directive.status },
        inboxItemId: registered.itemId,
        arrivalNumber: registered.arrivalNumber,
        tasks: created,
        skippedTasks: skipped,
      };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
