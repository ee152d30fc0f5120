import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import type { UnitLookup } from '../units/index.ts';
import * as attachments from './attachments.service.ts';
import { DEFAULT_REMINDERS } from './directives.deps.ts';
import type { DirectivesDeps, ReminderPolicy } from './directives.deps.ts';
import * as drafting from './drafting.service.ts';
import * as issuing from './issuing.service.ts';
import * as reading from './reading.service.ts';
import * as received from './received.service.ts';
import * as search from './search.service.ts';
import * as tracking from './tracking.service.ts';
import * as workflow from './workflow.service.ts';

// The directives service (văn bản đi): the composition of its parts, each plain functions over
// explicit deps. Callers get one object of functions (destructuring is safe: no `this`).

export { DEFAULT_REMINDERS } from './directives.deps.ts';
export type { ReminderPolicy } from './directives.deps.ts';
export { presentAttachment, presentPublicDirective, presentSummary } from './directives.present.ts';
export type { AttachmentView, DirectiveDetail, DirectiveSummary, PublicDirectiveView } from './directives.present.ts';
export type { ReceivedDirectiveInput } from './received.service.ts';
export type { AwaitedStep } from './search.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type WithDeps = (deps: DirectivesDeps, ...args: any[]) => unknown;
type Bound<F> = F extends (deps: DirectivesDeps, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Binds `deps` as the first argument of every function of `fns`. */
function bindDeps<T extends Record<string, WithDeps>>(deps: DirectivesDeps, fns: T): { [K in keyof T]: Bound<T[K]> } {
  return Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, (...args: unknown[]) => fn(deps, ...args)])) as { [K in keyof T]: Bound<T[K]> };
}

export function createDirectivesService(input: { db: Db; clock: Clock; files: FileStore; units: UnitLookup; reminders?: ReminderPolicy }) {
  /** Told after a change that may alter what the public portal shows (issue, revoke, edit). */
  const listeners = new Set<() => void>();
  const deps: DirectivesDeps = {
    db: input.db,
    clock: input.clock,
    files: input.files,
    units: input.units,
    reminders: input.reminders ?? DEFAULT_REMINDERS,
    changed: () => {
      for (const l of listeners) l();
    },
  };
  return {
    /** Called after an issue, revocation or edit (the portal clears its page cache); returns the unsubscribe. */
    onPublicChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...bindDeps(deps, {
      listPublicDirectives: search.listPublicDirectives,
      getPublicDirective: search.getPublicDirective,
      createDirective: drafting.createDirective,
      updateDirective: drafting.updateDirective,
      amendDirective: drafting.amendDirective,
      registerReceivedDirective: received.registerReceivedDirective,
      submitDirective: workflow.submitDirective,
      approveDirective: workflow.approveDirective,
      returnDirective: workflow.returnDirective,
      signDirective: workflow.signDirective,
      previewRecipients: issuing.previewRecipients,
      issueDirective: issuing.issueDirective,
      revokeDirective: issuing.revokeDirective,
      addAttachment: attachments.addAttachment,
      deleteAttachment: attachments.deleteAttachment,
      openAttachment: attachments.openAttachment,
      getDirective: reading.getDirective,
      getDispatch: reading.getDispatch,
      renderDirective: reading.renderDirective,
      listAwaitingSteps: search.listAwaitingSteps,
      searchDirectives: search.searchDirectives,
      trackDirective: tracking.trackDirective,
      runReminderScan: tracking.runReminderScan,
    }),
  };
}

export type DirectivesService = ReturnType<typeof createDirectivesService>;
