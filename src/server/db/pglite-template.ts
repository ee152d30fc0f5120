import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsHash } from '../../../scripts/migrations-hash.mjs';

/**
 * A PGlite cluster with every migration applied and no data, saved as a gzip tarball at build time.
 * Creating a cluster (initdb) and migrating it take seconds in WebAssembly; unpacking this template
 * takes a fraction of that, so a first start answers /healthz sooner. The file name carries the
 * PGlite version and a hash of the migrations journal: a stale template is never used (and the
 * normal migration run at boot would still bring any cluster up to date).
 */
function installedPgliteVersion(): string {
  // The package does not export its package.json: walk up from its entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
const PGLITE_VERSION = installedPgliteVersion();

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_HASH = migrationsHash(path.join(HERE, 'migrations'));

export const TEMPLATE_PATH = path.resolve(HERE, `../../../dist/pglite-${PGLITE_VERSION}-${MIGRATIONS_HASH}.tar.gz`);

/** The template to unpack into `dataDir` (null: in memory) when it holds no cluster yet. */
export function templateFor(dataDir: string | null, file: string = TEMPLATE_PATH): Blob | null {
  const empty = dataDir === null || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (!empty || !existsSync(file)) return null;
  return new Blob([readFileSync(file)], { type: 'application/x-gzip' });
}
