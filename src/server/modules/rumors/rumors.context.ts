import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import type { LinkResolver } from '../../providers/link-resolver/port.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import './rumors.errors.ts';

/** What every part of the desk works with (services of other modules are added by the parts that need them). */
export interface RumorsContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  units: UnitLookup;
  files: FileStore;
  jobs: JobQueue;
  publicUrl: PublicUrl;
  /** Short links → their targets, for clustering (`resolveReportUrls` before an intake's transaction). */
  linkResolver?: LinkResolver;
}

export type RumorPermission = Extract<Permission, `rumor.${string}`>;

/**
 * The unit a desk acts for and the authorised actor: 404 when the actor may not even read the unit's cases, 403
 * when it reads but may not do this. A desk's cases belong to its unit (a Sở's desk: the Sở).
 */
export async function deskUnit(ctx: RumorsContext, actor: Actor, unitId: string, permission: RumorPermission, tx?: Db): Promise<{ unit: UnitRecord; a: Actor }> {
  const unit = await ctx.units.byId(unitId, tx ? { tx } : {});
  if (!unit) throw new AppError('NOT_FOUND');
  return { unit, a: authorize(actor, permission, { unitPath: unit.path }, 'rumor.read') };
}

/** A case and the authorised actor (404 for anyone who may not read its unit's cases). `forUpdate` locks the row. */
export async function loadCase(
  ctx: RumorsContext,
  actor: Actor,
  id: string,
  permission: RumorPermission,
  o: { tx?: Db; forUpdate?: boolean } = {},
): Promise<{ row: RumorCaseRow; unit: UnitRecord; a: Actor }> {
  const tx = o.tx ?? ctx.db;
  const row = await repo.findCase(tx, id, { forUpdate: o.forUpdate ?? false });
  if (!row) throw new AppError('NOT_FOUND');
  const { unit, a } = await deskUnit(ctx, actor, row.unitId, permission, tx);
  return { row, unit, a };
}

/** The unit paths whose cases the actor reads (null: every unit, for a system administrator). */
export function readablePrefix(actor: Actor): string | null {
  return actor.roles.includes('system_admin') ? null : actor.unitPath;
}

/** True when the actor holds the permission for the unit of that path. */
export function mayIn(actor: Actor, permission: RumorPermission, unitPath: string): boolean {
  return can(actor, permission, { unitPath });
}
