// Build step of `npm start` and `npm test`, run only for what is missing or stale: the admin UI (dist/web)
// and the migrated, empty PGlite cluster template (dist/pglite-VERSION-MIGRATIONSHASH.tar.gz) that
// makes a first start fast.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { migrationsHash } from './migrations-hash.mjs';
import { WEB_HASH_FILE, webSourcesHash } from './web-sources-hash.mjs';

// The admin UI is rebuilt when missing or built from other sources than the tree has now.
const root = fileURLToPath(new URL('..', import.meta.url));
const webHash = webSourcesHash(root);
const webHashFile = new URL(`../dist/web/${WEB_HASH_FILE}`, import.meta.url);
const builtHash = existsSync(webHashFile) ? readFileSync(webHashFile, 'utf8').trim() : null;
if (!existsSync(new URL('../dist/web/index.html', import.meta.url)) || builtHash !== webHash) {
  process.stdout.write('Đang dựng giao diện quản trị / building the admin UI...\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  writeFileSync(webHashFile, `${webHash}\n`);
}
const dist = new URL('../dist/', import.meta.url);
const hash = migrationsHash(fileURLToPath(new URL('../src/server/db/migrations/', import.meta.url)));
if (!readdirSync(dist).some((f) => f.startsWith('pglite-') && f.endsWith(`-${hash}.tar.gz`))) {
  process.stdout.write('Đang tạo cơ sở dữ liệu mẫu / building the database template...\n');
  execFileSync(process.execPath, ['bin/loa.mjs', 'db-template'], { stdio: 'inherit' });
}
