import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './directives.errors.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import type { UnitLookup } from '../units/index.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveRow, DirectiveWithPath } from './directives.repository.ts';
import { presentDetail } from './directives.present.ts';
import { STATUS_LABELS } from './directives.schemas.ts';
import type { DirectiveStatus } from './directives.schemas.ts';
import * as inboxRepo from './inbox.repository.ts';
import { capabilitiesFor } from './workflow.ts';
import type { Capabilities } from './workflow.ts';

export interface ReminderPolicy {
  /** Remind a recipient that has not acknowledged this long after delivery. */
  remindAfterHours: number;
  /** Then tell its parent unit this long after delivery. */
  escalateAfterHours: number;
}
export const DEFAULT_REMINDERS: ReminderPolicy = { remindAfterHours: 48, escalateAfterHours: 96 };

/** What every part of the directives service works with (passed explicitly; no `this`). */
export interface DirectivesDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  /** Units by id (no access check: each caller checks). */
  units: UnitLookup;
  reminders: ReminderPolicy;
  /** Called after a change that may alter what the public portal shows (issue, revoke, edit). */
  changed: () => void;
}

export function invalidState(d: { status: string }, action: string): AppError {
  return new AppError('DIRECTIVE_INVALID_STATE', { status: STATUS_LABELS[d.status as DirectiveStatus] ?? d.status, action });
}

export async function loadOr404(deps: DirectivesDeps, id: string): Promise<DirectiveWithPath> {
  const d = await repo.findDirectiveById(deps.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}

/** The issuer's scope may read; so may a recipient unit (and its parents) once it is issued. */
export async function canRead(deps: DirectivesDeps, actor: Actor, d: DirectiveWithPath): Promise<boolean> {
  if (can(actor, 'directive.read', { unitPath: d.issuerPath })) return true;
  if (d.status !== 'issued' && d.status !== 'revoked') return false;
  if (!can(actor, 'inbox.read', { unitPath: actor.unitPath })) return false;
  return inboxRepo.isRecipientUnder(deps.db, d.id, actor.unitPath);
}

/** Loads a directive for a workflow step: 404 when the actor may not even read it, 403 without the permission. */
export async function loadFor(deps: DirectivesDeps, actor: Actor, id: string, permission: Permission) {
  const d = await loadOr404(deps, id);
  const a = authorize(actor, permission, { unitPath: d.issuerPath }, 'directive.read');
  return { a, d };
}

/** What `actor` may do now with a directive of the unit at `issuerPath` (the web's buttons). */
export function capabilitiesOf(actor: Actor, d: Pick<DirectiveRow, 'status' | 'signerUserId'>, issuerPath: string): Capabilities {
  return capabilitiesFor(d.status, (p) => can(actor, p, { unitPath: issuerPath }), {
    mustSignInPerson: Boolean(d.signerUserId && d.signerUserId !== actor.userId),
  });
}

/** The detail of `d` as `actor` sees it (with its capabilities). */
export function presentFor(deps: DirectivesDeps, actor: Actor, d: DirectiveRow, issuerPath: string) {
  return presentDetail(deps.db, d, capabilitiesOf(actor, d, issuerPath));
}
