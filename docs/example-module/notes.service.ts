import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import type { CreateNoteBody, NoteView } from './notes.contract.ts';
import './notes.errors.ts';
import * as repo from './notes.repository.ts';
import type { NoteRow } from './notes.repository.ts';

const MAX_NOTES = 100;

const present = (n: NoteRow): NoteView => ({ id: n.id, unitId: n.unitId, text: n.text, createdAt: new Date(n.createdAt).toISOString() });

/** Plain functions over explicit dependencies: destructuring `const { addNote } = notes` works. */
export function createNotesService(deps: { db: Db; clock: Clock; units: UnitLookup }) {
  const { db, clock, units } = deps;

  /** The unit, or 404 — also when it exists outside what the actor may read (no existence leak). */
  async function unitFor(actor: Actor, unitId: string, permission: 'unit.read' | 'unit.write') {
    const unit = await units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { unit, a: authorize(actor, permission, { unitPath: unit.path }, 'unit.read') };
  }

  return {
    async listNotes(actor: Actor, unitId: string): Promise<NoteView[]> {
      await unitFor(actor, unitId, 'unit.read');
      return (await repo.listNotes(db, unitId)).map(present);
    },

    /** One transaction: the limit check, the insert and its audit event commit together. */
    async addNote(actor: Actor, unitId: string, input: CreateNoteBody): Promise<NoteView> {
      const { unit, a } = await unitFor(actor, unitId, 'unit.write');
      return db.transaction(async (tx) => {
        if ((await repo.countNotes(tx, unit.id)) >= MAX_NOTES) throw new AppError('NOTE_LIMIT_REACHED', { max: MAX_NOTES });
        const note = await repo.insertNote(tx, { unitId: unit.id, text: input.text, createdBy: a.userId, at: clock.now() });
        await recordAudit(tx, a, { action: 'note.create', entity: 'note', entityId: note.id, unitId: unit.id, after: { text: note.text } });
        return present(note);
      });
    },
  };
}
export type NotesService = ReturnType<typeof createNotesService>;
