import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as attachmentsRepo from './attachments.repository.ts';
import { ATTACHMENT_FILE_TYPES, ATTACHMENT_MAX_BYTES, attachmentFileName, sniffAttachmentType } from './attachments.files.ts';
import { canRead, invalidState, loadFor, loadOr404 } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { presentAttachment } from './directives.present.ts';
import type { AttachmentView } from './directives.present.ts';
import { LIMITS } from './directives.schemas.ts';
import type { AttachmentKind } from './directives.schemas.ts';
import { WORKFLOW, isAllowedFrom } from './workflow.ts';

// Uploaded files of a directive: add (while the drafter can still change it), remove, download.

/**
 * Attaches an uploaded file while the directive is a draft, submitted or returned (drafter of
 * the issuing unit). The type comes from the content; the bytes go to the file store first and
 * are removed again when the row cannot be written.
 */
export async function addAttachment(deps: DirectivesDeps, actor: Actor, id: string, input: { kind: AttachmentKind; fileName: string; content: Buffer }): Promise<AttachmentView> {
  const { db, clock, files } = deps;
  const label = WORKFLOW.attach.label;
  const { a, d } = await loadFor(deps, actor, id, 'directive.draft');
  if (!isAllowedFrom('attach', d.status)) throw invalidState(d, label);
  if (input.content.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const type = sniffAttachmentType(input.content);
  if (!type) throw new AppError('ATTACHMENT_UNSUPPORTED_FILE');
  if ((await attachmentsRepo.countAttachments(db, id)) >= LIMITS.attachments)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: `văn bản có tối đa ${LIMITS.attachments} tệp đính kèm` }]);
  const { mime, ext } = ATTACHMENT_FILE_TYPES[type];
  const stored = await files.save(input.content, ext);
  try {
    const row = await db.transaction(async (tx) => {
      const status = await attachmentsRepo.lockDirectiveStatus(tx, id);
      if (!status || !isAllowedFrom('attach', status)) throw invalidState({ status: status ?? d.status }, label);
      const created = await attachmentsRepo.insertAttachment(tx, {
        directiveId: id,
        kind: input.kind,
        fileName: attachmentFileName(input.fileName, type),
        mime,
        size: input.content.length,
        sha256: stored.sha256,
        storageKey: stored.key,
        createdBy: a.userId,
        createdAt: clock.now(),
      });
      await recordAudit(tx, a, {
        action: 'directive.attachment.add',
        entity: 'directive',
        entityId: id,
        unitId: d.issuerUnitId,
        after: { attachmentId: created.id, kind: created.kind, name: created.fileName, mime, size: created.size, sha256: created.sha256 },
      });
      return created;
    });
    return presentAttachment(row);
  } catch (err) {
    await files.remove(stored.key);
    throw err;
  }
}

/** Removes a file from a draft (or a returned draft); the stored bytes go when no other directive shares them. */
export async function deleteAttachment(deps: DirectivesDeps, actor: Actor, id: string, attachmentId: string): Promise<void> {
  const { db, files } = deps;
  const label = WORKFLOW.detach.label;
  const { a, d } = await loadFor(deps, actor, id, 'directive.draft');
  const existing = await attachmentsRepo.findAttachment(db, id, attachmentId);
  if (!existing) throw new AppError('NOT_FOUND');
  if (!isAllowedFrom('detach', d.status)) throw invalidState(d, label);
  const removed = await db.transaction(async (tx) => {
    const status = await attachmentsRepo.lockDirectiveStatus(tx, id);
    if (!status || !isAllowedFrom('detach', status)) throw invalidState({ status: status ?? d.status }, label);
    const row = await attachmentsRepo.deleteAttachment(tx, id, attachmentId);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, a, {
      action: 'directive.attachment.delete',
      entity: 'directive',
      entityId: id,
      unitId: d.issuerUnitId,
      before: { attachmentId: row.id, kind: row.kind, name: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
  if ((await attachmentsRepo.countByStorageKey(db, removed.storageKey)) === 0) await files.remove(removed.storageKey);
}

/** A file for download: whoever may read the directive (its issuer's scope, or a recipient once issued); anyone else gets 404. */
export async function openAttachment(
  deps: DirectivesDeps,
  actor: Actor,
  id: string,
  attachmentId: string,
): Promise<{ fileName: string; mime: string; size: number; stream: Readable }> {
  const d = await loadOr404(deps, id);
  if (!(await canRead(deps, actor, d))) throw new AppError('NOT_FOUND');
  const row = await attachmentsRepo.findAttachment(deps.db, id, attachmentId);
  if (!row) throw new AppError('NOT_FOUND');
  const file = await deps.files.open(row.storageKey);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: row.fileName, mime: row.mime, size: file.size, stream: file.stream };
}
