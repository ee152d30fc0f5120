import { z } from 'zod';

/** In a real module this file is src/shared/contracts/notes.ts (the web client imports it too). */
export const NOTE_MAX_LENGTH = 2000;

export const CreateNoteBody = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Nội dung ghi chú không được để trống')
    .max(NOTE_MAX_LENGTH)
    .transform((s) => s.normalize('NFC')),
});
export type CreateNoteBody = z.infer<typeof CreateNoteBody>;

export const NoteOut = z.object({ id: z.uuid(), unitId: z.uuid(), text: z.string(), createdAt: z.string() });
export type NoteView = z.infer<typeof NoteOut>;
