// The hash that names the PGlite template: every migration file and the journal, so a changed
// migration never reuses a template built from its older text. Shared by the build step and the server.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** @param {string} migrationsDir @returns {string} */
export function migrationsHash(migrationsDir) {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(migrationsDir, 'meta', '_journal.json')));
  for (const f of readdirSync(migrationsDir)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    h.update(f).update(readFileSync(path.join(migrationsDir, f)));
  }
  return h.digest('hex').slice(0, 12);
}
