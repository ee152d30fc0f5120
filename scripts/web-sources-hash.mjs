// The hash of everything the admin UI build reads (src/web, the Vite config, the locked dependency
// versions), stored beside the build so the build step can tell a stale dist/web from a current one.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const WEB_HASH_FILE = '.sources-hash';

/** @param {string} root the repository root @returns {string} */
export function webSourcesHash(root) {
  const h = createHash('sha256');
  const files = readdirSync(path.join(root, 'src/web'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const f of [...files, 'vite.config.ts', 'package-lock.json'])
    h.update(f)
      .update('\0')
      .update(readFileSync(path.join(root, f)))
      .update('\0');
  return h.digest('hex').slice(0, 16);
}
