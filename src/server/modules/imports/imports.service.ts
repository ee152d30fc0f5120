/**
 * Importing a công văn received outside Loa: the file's type is read from its content, its text
 * extracted and parsed, the issuer and the addressees matched against the directory (the
 * importer's province and every organisation) and the importer's recipient groups; the proposal is
 * stored with the file's hash so the same file imported twice is recognised. Confirming (with the
 * officer's corrections) registers the received document in the unit's inbox and creates the
 * tasks and the report form the dispatch asks for.
 */
import { createHash } from 'node:crypto';
import type { ParsedDispatch } from '../../../shared/dispatch.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './imports.errors.ts';
import { sniffFile } from '../../platform/sniff.ts';
import { vnDateKey } from '../../platform/text.ts';
import { ROLES, ROLE_LABELS, authorize, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CreateDirectiveBody, fullSymbol } from '../directives/index.ts';
import type { DirectivesService } from '../directives/index.ts';
import { CreateTaskBody } from '../tasks/index.ts';
import type { TasksService } from '../tasks/index.ts';
import type { GroupsService, UnitsService } from '../units/index.ts';
import { IMPORT_SERVICE_LIMITS, analysisError, analysisSlots } from './analysis-slots.ts';
import type { ImportServiceLimits } from './analysis-slots.ts';
import { withAnalysis } from './analysis.ts';
import { buildProposal, dateOf, withSuccessors } from './build-proposal.ts';
import { directiveFieldsFromParsed } from './directive-fields.ts';
import type { ExtractFormat } from './parse/extract.ts';
import { checkTextSize } from './parse/limits.ts';
import type { ReadProposal } from './proposal.ts';
import * as repo from './imports.repository.ts';
import type { ImportRow } from './imports.repository.ts';
import { IMPORT_LIMITS } from './imports.schemas.ts';
import type { ConfirmInput, Proposal, TaskProposalInput } from './imports.schemas.ts';

export { buildProposal } from './build-proposal.ts';
export { bodyFromParsed, directiveFieldsFromParsed } from './directive-fields.ts';
export { IMPORT_SERVICE_LIMITS } from './analysis-slots.ts';
export type { ImportServiceLimits } from './analysis-slots.ts';

/** The entry under an importing unit that files documents whose issuer is not in the directory. */
export const EXTERNAL_ISSUER_NAME = 'Cơ quan gửi văn bản ngoài danh bạ';

/**
 * The format from the content, never from the name (platform/sniff.ts): a PDF, a zip (read as DOCX;
 * the extractor refuses one that is not), else UTF-8/UTF-16 text; anything else is refused.
 */
export function detectFormat(bytes: Uint8Array): ExtractFormat {
  switch (sniffFile(bytes)) {
    case 'pdf':
      return 'pdf';
    case 'docx':
    case 'xlsx':
    case 'zip':
      return 'docx';
    case 'text':
      return 'txt';
    default:
      throw new AppError('IMPORT_UNSUPPORTED_FILE');
  }
}

/** Who may create the tasks of an import in a unit: the roles holding task.write there, by their Vietnamese names. */
function taskAssigners(unitPath: string): string {
  const probe = { userId: '', username: '', displayName: '', unitId: '', unitPath, ip: null };
  return ROLES.filter((r) => can({ ...probe, roles: [r] }, 'task.write', { unitPath }))
    .map((r) => ROLE_LABELS[r].vi)
    .join(', ');
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
            repo.findCandidateUnits(db, {
              underPaths: homeProvinces.length ? homeProvinces.map((id) => paths.get(id) ?? '') : [provincePath(a.unitPath)],
              at: dateOf(parsed, today),
            }),
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
            after: {
              fileName: file.fileName,
              format,
              sizeBytes: created.sizeBytes,
              contentHash,
              symbol: parsed.symbol,
              subject: parsed.subject,
              issuer: proposal.issuer,
              flagged: proposal.flagged,
            },
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
      if (!checked.success)
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          checked.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
        );
      const taskInputs: TaskProposalInput[] = !input.createTasks
        ? []
        : (input.tasks ??
          proposal.tasks.map((t) => ({
            section: t.section,
            title: t.title,
            description: t.description,
            assignees: t.assignees,
            dueRule: t.dueRule,
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
        const registered = await deps.directives.registerReceivedDirective(
          a,
          { ...content, issuerUnitId, receiverUnitId: row.unitId, number, date, source: `import:${row.id}` },
          { tx },
        );
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
        directive: {
          id: directive.id,
          fullSymbol: directive.fullSymbol,
          subject: directive.subject,
          issuerUnitId: directive.issuerUnitId,
          issuer: directive.issuer,
          status: directive.status,
        },
        inboxItemId: registered.itemId,
        arrivalNumber: registered.arrivalNumber,
        tasks: created,
        skippedTasks: skipped,
      };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
