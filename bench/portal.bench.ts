/**
 * portal: a surge on one article. Loa serves a published article from its page cache (full 200
 * responses, no conditional requests) to autocannon with 256 connections for 10 s; the baseline is
 * nginx (one worker process, like Loa's one Node process) serving the same saved HTML bytes from
 * disk on 127.0.0.1 in the same run. autocannon runs in a child process so it does not share Loa's
 * event loop.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/db/client.ts';
import { createContainer } from '../src/server/container.ts';
import { buildApp } from '../src/server/http/app.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import type { BenchResult } from './run.ts';

const CONNECTIONS = 256;
const DURATION_S = 10;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function cannon(url: string): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/autocannon/autocannon.js'), '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-j', url], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon exited ${code}: ${out.slice(0, 500)}`));
      }
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function summary(r: CannonResult) {
  return {
    reqPerSec: Math.round(r.requests.average),
    total: r.requests.total,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    avgMs: r.latency.average,
    mbPerSec: Number((r.throughput.average / 1e6).toFixed(1)),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

export default async function run(): Promise<BenchResult> {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const logger = createLogger('silent');
  const c = createContainer({ database, clock: systemClock, logger, mailer: createLogMailer(logger), env: { PUBLIC_URL: 'http://127.0.0.1', SESSION_TTL_HOURS: 1 } });
  await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
  const province = unitIdFor('vn-2025', '12');
  const sttt = await c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: province, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
  const section = await c.services.publishing.createSection(SYSTEM_ACTOR, { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: sttt.id, position: 1 });
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Đoạn ${i + 1}: các cơ quan, đơn vị tuyên truyền, khuyến nghị người dân tăng cường dùng dịch vụ công trực tuyến trên tất cả mọi lĩnh vực nhằm hạn chế việc tiếp xúc nơi đông người.</p>`,
  ).join('');
  const draft = await c.services.publishing.createPost(SYSTEM_ACTOR, {
    sectionId: section.id,
    authorUnitId: sttt.id,
    title: 'Triển khai tuyên truyền phòng, chống dịch bệnh viêm đường hô hấp cấp',
    summary: 'Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị triển khai tuyên truyền chính xác, kịp thời.',
    body: paragraphs,
    tags: [],
  });
  const post = await c.services.publishing.publishPost(SYSTEM_ACTOR, draft.id);

  const app = await buildApp(c, { serveAdmin: false });
  const loaPort = await freePort();
  await app.listen({ host: '127.0.0.1', port: loaPort });
  const articlePath = `/bai-viet/${post.slug}`;
  const first = await fetch(`http://127.0.0.1:${loaPort}${articlePath}`);
  const html = await first.text();
  if (first.status !== 200) throw new Error(`article answered ${first.status}`);

  // nginx with the same bytes at the same path.
  const dir = mkdtempSync(path.join(tmpdir(), 'loa-bench-nginx-'));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'page.html'), html);
  const nginxPort = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  server { listen 127.0.0.1:${nginxPort}; root ${dir}; etag on;
    location / { default_type "text/html; charset=utf-8"; add_header Cache-Control "${first.headers.get('cache-control') ?? ''}"; try_files /page.html =404; } } }
`,
  );
  const nginxBin = ['/usr/sbin/nginx', 'nginx'].find((b) => {
    try {
      execFileSync(b, ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!nginxBin) throw new Error('nginx is not installed (apt-get install -y nginx-light)');
  const nginx = spawn(nginxBin, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(`http://127.0.0.1:${nginxPort}${articlePath}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const nginxBody = await (await fetch(`http://127.0.0.1:${nginxPort}${articlePath}`)).text();
    if (nginxBody !== html) throw new Error('nginx does not serve the same page');

    // While the public page is under load, an editor keeps using the admin API: sample its latency.
    const editor = 'bientap.bench';
    await c.services.users.createUser(SYSTEM_ACTOR, {
      username: editor,
      displayName: 'Biên tập',
      email: null,
      unitId: sttt.id,
      roles: ['drafter'],
      password: 'Bench-password-2021',
    });
    const { token } = await c.services.users.login({ username: editor, password: 'Bench-password-2021' }, { ip: '127.0.0.1', userAgent: 'bench' });
    const adminLatencies: number[] = [];
    let adminFailures = 0;
    let loadDone = false;
    const probe = (async () => {
      while (!loadDone) {
        const t0 = performance.now();
        const r = await fetch(`http://127.0.0.1:${loaPort}/api/units/search?q=lai%20chau&at=2021-02-01`, { headers: { cookie: `loa_session=${token}` } }).catch(() => null);
        if (r?.ok) adminLatencies.push(performance.now() - t0);
        else adminFailures++;
        await r?.arrayBuffer();
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const loa = await cannon(`http://127.0.0.1:${loaPort}${articlePath}`).finally(() => (loadDone = true));
    await probe;
    adminLatencies.sort((a, b) => a - b);
    const pct = (q: number) => Math.round(adminLatencies[Math.min(adminLatencies.length - 1, Math.floor(q * adminLatencies.length))] ?? NaN);
    const adminUnderLoad = { requests: adminLatencies.length, failures: adminFailures, p50ms: pct(0.5), p99ms: pct(0.99) };
    const base = await cannon(`http://127.0.0.1:${nginxPort}${articlePath}`);
    return {
      name: 'portal',
      value: Math.round(loa.requests.average),
      baseline: Math.round(base.requests.average),
      unit: 'req/s (higher is better)',
      details: {
        page: articlePath,
        bytes: Buffer.byteLength(html),
        connections: CONNECTIONS,
        durationS: DURATION_S,
        loa: summary(loa),
        nginx: summary(base),
        nginxWorkers: 1,
        adminApiDuringLoad: adminUnderLoad,
      },
    };
  } finally {
    nginx.kill('SIGTERM');
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
