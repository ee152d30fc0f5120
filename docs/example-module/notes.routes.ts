import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import { CreateNoteBody, NoteOut } from './notes.contract.ts';
import type { NotesService } from './notes.service.ts';

const tags = { tags: ['notes'] };
const Params = z.object({ unitId: z.uuid() });

/** Thin routes: the schema validates (400 in Vietnamese), the service decides. Private unless `config.public`. */
export function registerNoteRoutes(app: Api, svc: NotesService): void {
  app.get('/api/units/:unitId/notes', { schema: { ...tags, params: Params, response: { 200: z.object({ items: z.array(NoteOut) }) } } }, async (req) => ({
    items: await svc.listNotes(req.actor, req.params.unitId),
  }));
  app.post('/api/units/:unitId/notes', { schema: { ...tags, params: Params, body: CreateNoteBody, response: { 201: z.object({ note: NoteOut }) } } }, async (req, reply) =>
    reply.code(201).send({ note: await svc.addNote(req.actor, req.params.unitId, req.body) }),
  );
}
