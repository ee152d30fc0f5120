// Build step of `npm start` and `npm test`, run only for what is missing: the admin UI (dist/web)
// and the migrated, empty PGlite cluster template (dist/pglite-VERSION-MIGRATIONSHASH.tar.gz) that
// makes a first start fast.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { migrationsHash } from './migrations-hash.mjs';

if (!existsSync(new URL('../dist/web/index.html', import.meta.url))) {
  process.stdout.write('Đang dựng giao diện quản trị (lần đầu) / building the admin UI (first run)...\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const dist = new URL('../dist/', import.meta.url);
const hash = migrationsHash(fileURLToPath(new URL('../src/server/db/migrations/', import.meta.url)));
if (!readdirSync(dist).some((f) => f.startsWith('pglite-') && f.endsWith(`-${hash}.tar.gz`))) {
  process.stdout.write('Đang tạo cơ sở dữ liệu mẫu / building the database template...\n');
  execFileSync(process.execPath, ['bin/loa.mjs', 'db-template'], { stdio: 'inherit' });
}
