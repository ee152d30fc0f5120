import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from './client.ts';
import { TEMPLATE_PATH } from './pglite-template.ts';

/** Writes the template: a migrated cluster without data. */
export async function buildPgliteTemplate(file: string = TEMPLATE_PATH): Promise<void> {
  const database = await openDatabase({ dataDir: null });
  try {
    await database.migrate();
    const dump = await database.dumpPglite();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}
