import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { directives, registerCounters } from '../../db/schema/index.ts';

export type Register = 'outgoing' | 'incoming';

// Register

/**
 * The next number of a register: UPDATE ... SET last = last + 1 RETURNING (an upsert for the first
 * number of a year). The row stays locked until the transaction ends, so concurrent clerks queue.
 */
export async function nextRegisterNumber(db: Db, unitId: string, year: number, register: Register): Promise<number> {
  const [row] = await db
    .insert(registerCounters)
    .values({ unitId, year, register, last: 1 })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.register],
      set: { last: sql`${registerCounters.last} + 1` },
    })
    .returning({ last: registerCounters.last });
  if (!row) throw new Error('counter upsert returned no row');
  return row.last;
}

/** Moves a counter up to at least `n` (a number registered by hand), locking it like nextRegisterNumber. */
export async function raiseRegisterTo(db: Db, unitId: string, year: number, register: Register, n: number): Promise<void> {
  await db
    .insert(registerCounters)
    .values({ unitId, year, register, last: n })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.register],
      set: { last: sql`greatest(${registerCounters.last}, ${n})` },
    });
}

export async function isNumberTaken(db: Db, issuerUnitId: string, year: number, number: number): Promise<boolean> {
  const [row] = await db
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.issuerUnitId, issuerUnitId), eq(directives.year, year), eq(directives.number, number)));
  return Boolean(row);
}
