/** Kept for the old import path (imports/index.ts re-exports it); the types live in src/shared/dispatch.ts. */
export type * from '../../../../shared/dispatch.ts';
