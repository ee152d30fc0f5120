import { defineModule } from '../module.ts';
import { NOTES_ERRORS } from './notes.errors.ts';
import { registerNoteRoutes } from './notes.routes.ts';
import { createNotesService } from './notes.service.ts';
import type { NotesService } from './notes.service.ts';

// The public surface: what other modules may use. No repository functions, no `export *`.
export type { NotesService };
export { NOTE_MAX_LENGTH } from './notes.contract.ts';

declare module '../module.ts' {
  interface Services {
    notes: NotesService;
  }
}

/** Internal notes of a unit (the example module of CODE_STYLE.md). */
export const module = defineModule({
  name: 'notes',
  create: ({ db, clock }, { units }) => ({ notes: createNotesService({ db, clock, units: units.lookup }) }),
  routes: (app, { services }) => registerNoteRoutes(app, services.notes),
  errors: NOTES_ERRORS,
});
