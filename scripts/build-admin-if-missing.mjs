// Build step of `npm start` and `npm test`, run only for what is missing: the admin UI (dist/web)
// and the migrated, empty PGlite cluster template (dist/pglite-VERSION-MIGRATIONSHASH.tar.gz) that
// makes a first start fast.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (!existsSync(new URL('../dist/web/index.html', import.meta.url))) {
  process.stdout.write('Đang dựng giao diện quản trị (lần đầu) / building the admin UI (first run)...\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const dist = new URL('../dist/', import.meta.url);
const journal = readFileSync(new URL('../src/server/db/migrations/meta/_journal.json', import.meta.url));
const hash = createHash('sha256').update(journal).digest('hex').slice(0, 12);
if (!readdirSync(dist).some((f) => f.startsWith('pglite-') && f.endsWith(`-${hash}.tar.gz`))) {
  process.stdout.write('Đang tạo cơ sở dữ liệu mẫu / building the database template...\n');
  execFileSync(process.execPath, ['bin/loa.mjs', 'db-template'], { stdio: 'inherit' });
}
