import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { presentFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { auditView } from './directives.present.ts';
import * as repo from './directives.repository.ts';
import type { CreateDirectiveInput } from './directives.schemas.ts';
import { formatNumber } from './dispatch.ts';
import { citationRows, contentPatch, newDirectiveRow } from './drafting.service.ts';
import * as inboxRepo from './inbox.repository.ts';
import * as recipientsRepo from './recipients.repository.ts';
import { reserveOutgoingNumber } from './register.service.ts';

/** A document received outside Loa, as confirmed by the officer who imported it. */
export type ReceivedDirectiveInput = Omit<CreateDirectiveInput, 'references'> & {
  receiverUnitId: string;
  /** The printed number; kept only with a full date (the register is per year). */
  number?: number | null;
  date?: string | null;
  /** Where it came from (e.g. the import id), kept in the audit trail. */
  source?: string | null;
};

/**
 * Registers a document received outside Loa (a công văn import): stored as issued by its issuer
 * with the printed number and date (or none), and delivered to the receiving unit's inbox with
 * that unit's next arrival number. The actor needs `import.create` over the receiving unit only;
 * a printed number also advances the issuer's register so Loa never gives it out again.
 * With `opts.tx` it runs inside the caller's transaction (imports.confirmImport: one transaction).
 */
export async function registerReceivedDirective(deps: DirectivesDeps, actor: Actor, input: ReceivedDirectiveInput, opts: InTx = {}) {
  const { db, clock } = deps;
  const reader = opts.tx ?? db;
  const receiver = await deps.units.byId(input.receiverUnitId, opts);
  if (!receiver) throw new AppError('UNKNOWN_UNIT', { unit: input.receiverUnitId });
  const a = authorize(actor, 'import.create', { unitPath: receiver.path }, 'inbox.read');
  const issuer = await deps.units.byId(input.issuerUnitId, opts);
  if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
  const now = clock.now();
  const date = input.date ?? null;
  const year = date ? Number(date.slice(0, 4)) : null;
  const number = year !== null ? (input.number ?? null) : null;
  const { signer: _signer, recipients: _recipients, ...content } = input;
  const row = await inTx(db, opts, async (tx) => {
    if (number !== null && year !== null) await reserveOutgoingNumber(tx, issuer.id, year, number);
    const created = await repo.insertDirective(tx, {
      ...contentPatch({
        ...content,
        signer: { authority: input.signer?.authority ?? null, position: input.signer?.position ?? null, title: input.signer?.title ?? null, name: input.signer?.name ?? null },
      }),
      ...newDirectiveRow(issuer, input),
      recipientUnitIds: [receiver.id],
      recipientGroupIds: [],
      // Received from another authority: not this authority's to publish.
      public: false,
      status: 'issued',
      number,
      year,
      date,
      createdBy: a.userId,
      issuedBy: a.userId,
      issuedAt: now,
    });
    await repo.replaceCitations(tx, created.id, citationRows(input.citations ?? []));
    await recipientsRepo.insertRecipients(tx, { directiveId: created.id, year: Number(vnDateKey(now).slice(0, 4)), deliveredAt: now }, [{ unitId: receiver.id, viaGroupId: null }]);
    const item = await inboxRepo.findRecipient(tx, created.id, receiver.id);
    await recordAudit(tx, a, {
      action: 'directive.receive.register',
      entity: 'directive',
      entityId: created.id,
      unitId: receiver.id,
      after: { ...auditView(created), receiverUnitId: receiver.id, arrivalNumber: item?.arrivalNumber ?? null, source: input.source ?? null },
    });
    return { created, item };
  });
  // Inside a caller's transaction the detail is read through it (a read outside would wait for it).
  const directive = await presentFor({ ...deps, db: reader }, a, row.created, issuer.path);
  return { directive, itemId: row.item?.id ?? null, arrivalNumber: formatNumber(row.item?.arrivalNumber ?? null) ?? '' };
}
