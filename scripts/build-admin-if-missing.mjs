// Builds the admin UI (dist/web) when it is missing, so `npm start` works on a fresh clone.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (!existsSync(new URL('../dist/web/index.html', import.meta.url))) {
  process.stdout.write('Đang dựng giao diện quản trị (lần đầu) / building the admin UI (first run)...\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
