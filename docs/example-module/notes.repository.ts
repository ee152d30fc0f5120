import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface NoteRow {
  id: string;
  unitId: string;
  text: string;
  createdAt: Date;
}

export async function insertNote(db: Db, row: { unitId: string; text: string; createdBy: string; at: Date }): Promise<NoteRow> {
  const r = await db.execute(sql`
    INSERT INTO example_notes (id, unit_id, text, created_by, created_at)
    VALUES (gen_random_uuid(), ${row.unitId}, ${row.text}, ${row.createdBy}, ${row.at.toISOString()})
    RETURNING id, unit_id AS "unitId", text, created_at AS "createdAt"`);
  return r.rows[0] as unknown as NoteRow;
}

export async function countNotes(db: Db, unitId: string): Promise<number> {
  const r = await db.execute(sql`SELECT count(*)::int AS n FROM example_notes WHERE unit_id = ${unitId}`);
  return (r.rows[0] as { n: number }).n;
}

export async function listNotes(db: Db, unitId: string): Promise<NoteRow[]> {
  const r = await db.execute(sql`
    SELECT id, unit_id AS "unitId", text, created_at AS "createdAt" FROM example_notes
    WHERE unit_id = ${unitId} ORDER BY created_at DESC, id`);
  return r.rows as unknown as NoteRow[];
}
