import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadEnv, EnvError } from '../server/env.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { MqttPortInUseError } from '../server/providers/mqtt/embedded.ts';
import { openDatabase } from '../server/db/client.ts';
import { backupMatchesMigrations, controlSocketPath, openBackupFile, requestBackup, restoreBackup } from '../server/modules/backup/index.ts';
import type { BackupManifest } from '../server/modules/backup/index.ts';
import { createFileStore } from '../server/providers/file-store/disk.ts';
import { buildPgliteTemplate } from '../server/db/build-template.ts';
import { TEMPLATE_PATH } from '../server/db/pglite-template.ts';
import { boot, printDemoAccounts, startServer } from '../server/main.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { SYSTEM_ACTOR, ROLES, systemActor } from '../server/modules/access/index.ts';
import type { Role } from '../server/modules/access/index.ts';
import { EDITION_IDS, formatCrosswalkReport, unitIdFor } from '../server/modules/units/index.ts';
import type { EditionId } from '../server/modules/units/index.ts';
import { AppError, errorMessage } from '../server/platform/errors.ts';
import type { Container } from '../server/container.ts';
import { formatSuspiciousAccounts } from '../server/modules/audit/index.ts';
import { runEvalCommand, runParseCommand } from '../server/modules/imports/index.ts';
import { runRenderCommand } from '../server/modules/directives/index.ts';
import { runSmsSegmentsCommand, runSmscCommand } from '../server/providers/sms/cli.ts';
import { runSimulateCommand } from '../server/modules/devices/index.ts';
import type { SimulateCommandOptions } from '../server/modules/devices/index.ts';
import type { SmscCommandOptions } from '../server/providers/sms/cli.ts';

/** Runs a command against a booted container and always closes the database. */
async function withContainer<T>(fn: (c: Container) => Promise<T>): Promise<T> {
  const c = await boot(loadEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }));
  try {
    return await fn(c);
  } finally {
    c.mailer.close();
    await c.database.close();
  }
}

const program = new Command().name('loa').description('Loa: hệ thống thông tin cơ sở / public-information system').showHelpAfterError();

program
  .command('start')
  .description('Chạy máy chủ (API, trang quản trị, cổng thông tin, tiến trình nền) / start the server')
  .action(async () => {
    await startServer();
  });

program
  .command('migrate')
  .description('Áp dụng migration cơ sở dữ liệu / apply database migrations')
  .action(async () => {
    const applied = await withContainer((c) => c.database.appliedMigrations());
    process.stdout.write(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}\n`);
  });

const unitsCmd = program.command('units').description('Danh mục đơn vị / unit directory');
unitsCmd
  .command('import')
  .description('Nhập danh mục đơn vị hành chính GSO (idempotent) / import GSO unit lists')
  .addOption(new Option('--edition <edition>', 'edition').choices([...EDITION_IDS, 'all']).default('all'))
  .action(async (opts: { edition: EditionId | 'all' }) => {
    const editions = opts.edition === 'all' ? EDITION_IDS : [opts.edition];
    await withContainer(async (c) => {
      for (const e of editions) {
        const t0 = performance.now();
        const r = await c.services.units.importEdition(systemActor('cli:units import'), e);
        process.stdout.write(`${e}: ${r.rows} đơn vị (${r.changed} thay đổi) ${JSON.stringify(r.counts)} trong ${Math.round(performance.now() - t0)} ms\n`);
      }
      // Predecessor/successor links between the editions (only between units imported so far).
      process.stdout.write(formatCrosswalkReport(await c.services.units.importHistory(systemActor('cli:units import'))));
    });
  });

const usersCmd = program.command('users').description('Tài khoản / accounts');
usersCmd
  .command('create')
  .description('Tạo tài khoản / create an account')
  .requiredOption('--username <username>')
  .requiredOption('--name <displayName>')
  .option('--unit-id <uuid>', 'đơn vị (id)')
  .option('--unit-code <edition:code>', 'đơn vị theo mã GSO, ví dụ vn-2025:106')
  .addOption(new Option('--role <role...>', 'vai trò').choices([...ROLES]).makeOptionMandatory())
  .option('--email <email>')
  .option('--password <password>', 'mật khẩu (bỏ trống: gửi lời mời qua e-mail)')
  .action(async (opts: { username: string; name: string; unitId?: string; unitCode?: string; role: Role[]; email?: string; password?: string }) => {
    const unitId = opts.unitId ?? (opts.unitCode ? unitIdFor(...(opts.unitCode.split(':') as [string, string])) : SYSTEM_ACTOR.unitId);
    const user = await withContainer((c) =>
      c.services.users.createUser(systemActor('cli:users create'), {
        username: opts.username.toLowerCase(),
        displayName: opts.name,
        email: opts.email ?? null,
        unitId,
        roles: opts.role,
        ...(opts.password ? { password: opts.password } : {}),
      }),
    );
    process.stdout.write(`Đã tạo tài khoản ${user.username} (${user.unitName}).\n`);
  });

program
  .command('audit')
  .description('Nhật ký thao tác / audit trail')
  .command('suspicious')
  .description('Tài khoản có vai trò cao được tạo không do người dùng nào thực hiện / elevated accounts created without a human actor')
  .option('--json', 'in JSON')
  .action(async (opts: { json?: boolean }) => {
    const rows = await withContainer((c) => c.services.audit.listSuspiciousAccounts(systemActor('cli:audit suspicious')));
    process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : formatSuspiciousAccounts(rows));
  });

program
  .command('rumors')
  .description('Bàn xử lý tin sai sự thật / misinformation desk')
  .command('rotate-key')
  .description(
    'Đổi khóa mã hóa thông tin người phản ánh và mã hóa lại toàn bộ / rotate the informant key and re-seal every identity (with LOA_INFORMANT_KEY: set the new key first, the old one in LOA_INFORMANT_OLD_KEYS)',
  )
  .action(async () => {
    const r = await withContainer((c) => c.services.rumorIntake.rotateKey(systemActor('cli:rumors rotate-key')));
    process.stdout.write(`Khóa hiện dùng / current key: ${r.keyId}; đã mã hóa lại / re-sealed: ${r.resealed}\n`);
  });

function summary(m: BackupManifest): string {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  return `${Object.keys(m.tables).length} bảng, ${rows} dòng, ${Object.keys(m.files).length} tệp, ${m.migrations.length} migration (Loa ${m.loaVersion}, ${m.database})`;
}

program
  .command('backup')
  .description('Sao lưu trực tuyến cơ sở dữ liệu và tệp đã tải lên (máy chủ vẫn chạy) / online backup of the database and stored files')
  .argument('<file>', 'tệp .tar.gz sẽ tạo')
  .action(async (file: string) => {
    if (existsSync(file)) throw new Error(`Tệp ${file} đã tồn tại; hãy chọn tên khác. / ${file} exists.`);
    const env = loadEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    // An embedded database held by a running server is read by that server (over DATA_DIR/loa.sock).
    const socket = env.DATABASE_URL ? null : controlSocketPath(env.DATA_DIR);
    const manifest = (socket ? await requestBackup(socket, file) : null) ?? (await withContainer((c) => c.services.backup.writeBackupFile(file)));
    process.stdout.write(`Đã sao lưu vào ${file}: ${summary(manifest)}.\n`);
  });

program
  .command('restore')
  .description('Khôi phục bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu trống / restore a backup into an empty data directory or database')
  .argument('<file>', 'tệp do "loa backup" tạo')
  .action(async (file: string) => {
    if (!existsSync(file)) throw new Error(`Không tìm thấy tệp sao lưu ${file}. / No such backup file.`);
    const env = loadEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    const dataDir = path.resolve(env.DATA_DIR);
    // A new PGlite cluster starts from the migrated template only when the backup has the same migrations.
    const sameMigrations = await backupMatchesMigrations(openBackupFile(file));
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, ...(sameMigrations ? {} : { pgliteTemplate: false as const }) });
    try {
      const r = await restoreBackup({ database, files: createFileStore(path.join(dataDir, 'files')) }, openBackupFile(file));
      const upgraded = r.upgradedWith.length ? `; nâng cấp thêm ${r.upgradedWith.length} migration: ${r.upgradedWith.join(', ')}` : '';
      process.stdout.write(`Đã khôi phục ${file} vào ${env.DATABASE_URL ? 'cơ sở dữ liệu PostgreSQL' : dataDir}: ${summary(r.manifest)}${upgraded}.\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('Nạp dữ liệu demo vào cơ sở dữ liệu trống / load demo data into an empty database')
  .action(async () => {
    await withContainer(async (c) => {
      if ((await c.services.users.countUsers()) > 0) {
        process.stdout.write('Cơ sở dữ liệu đã có tài khoản; bỏ qua dữ liệu demo.\n');
        return;
      }
      printDemoAccounts(await seedDemo(c));
    });
  });

program
  .command('db-template', { hidden: true })
  .description('Tạo sẵn cụm PGlite trống để lần khởi động đầu nhanh hơn / build the empty PGlite cluster template')
  .action(async () => {
    await buildPgliteTemplate();
    process.stdout.write(`${TEMPLATE_PATH}\n`);
  });

program
  .command('parse')
  .description('Đọc công văn (.txt, .md, .docx, .pdf) thành dữ liệu có cấu trúc / parse dispatches')
  .argument('<files...>')
  .option('--json', 'in JSON (một đối tượng mỗi tệp; mảng khi nhiều tệp)')
  .action(async (files: string[], opts: { json?: boolean }) => {
    process.exitCode = await runParseCommand(files, { json: Boolean(opts.json) });
  });

program
  .command('eval')
  .description('Độ chính xác theo trường so với NN.gold.json / field accuracy against gold files')
  .argument('<dir>')
  .action(async (dir: string) => {
    process.exitCode = await runEvalCommand(dir);
  });

program
  .command('render')
  .description('Trình bày văn bản theo Nghị định 30 (PDF, DOCX) / render a directive in the Decree 30 layout')
  .argument('<directive.json>', 'văn bản ở định dạng JSON của "loa parse --json"')
  .option('--pdf <out.pdf>')
  .option('--docx <out.docx>')
  .action(async (file: string, opts: { pdf?: string; docx?: string }) => {
    process.exitCode = await runRenderCommand(file, opts);
  });

const smsCmd = program.command('sms').description('Tin nhắn SMS / SMS');
smsCmd
  .command('segments')
  .description('Bảng mã, số ký tự và số phần tin của một nội dung SMS (JSON) / encoding, characters and parts of an SMS text')
  .argument('<text>')
  .option('--unaccented', 'bỏ dấu tiếng Việt trước khi đếm / strip Vietnamese diacritics first')
  .option('--max-parts <n>', 'số phần tối đa / maximum parts')
  .action((text: string, opts: { unaccented?: boolean; maxParts?: string }) => {
    process.exitCode = runSmsSegmentsCommand(text, opts);
  });

program
  .command('smsc')
  .description('Chạy SMSC giả lập SMPP 3.4 cho thử nghiệm và demo / run the local SMPP 3.4 SMSC simulator')
  .option('--port <port>', 'cổng (0 = bất kỳ)', '2775')
  .option('--host <host>', 'địa chỉ', '127.0.0.1')
  .option('--tps <n>', 'submit_sm mỗi giây mỗi bind (0 = không giới hạn)')
  .option('--window <n>', 'submit_sm chưa trả lời tối đa mỗi bind (0 = không giới hạn)')
  .option('--latency <ms>', 'độ trễ trả lời submit_sm')
  .option('--dlr-delay <ms>', 'độ trễ báo cáo phát (-1 = không gửi)', '1000')
  .option('--fail-rate <p>', 'tỷ lệ tin lỗi (0..1)')
  .option('--drop-rate <p>', 'tỷ lệ tin không trả lời (0..1)')
  .option('--accounts <user:pass,...>', 'tài khoản được bind (bỏ trống: mọi tài khoản)')
  .addOption(new Option('--id-format <f>', 'dạng message_id').choices(['hex', 'decimal']))
  .addOption(new Option('--dlr-id-format <f>', 'id trong báo cáo phát').choices(['same', 'other']))
  .action(async (opts: SmscCommandOptions) => {
    await runSmscCommand(opts);
  });

program
  .command('devices')
  .description('Thiết bị truyền thanh / loudspeakers and LED boards')
  .command('simulate')
  .description(
    'Chạy N thiết bị mô phỏng của các xã thuộc đơn vị (giao thức v1): dùng trước các thiết bị đang hoạt động và CẤP LẠI mã truy cập của chúng ' +
      '(thiết bị thật sẽ bị ngắt), thiếu thì thêm "Cụm loa mô phỏng N" vào sổ thiết bị; không có --mqtt/--http thì lệnh tự chạy broker nhúng / ' +
      'N virtual devices of the unit’s communes: existing active devices first, their tokens ROTATED (a real device is locked out), new rows for the rest; ' +
      'without --mqtt/--http an embedded broker of its own',
  )
  .requiredOption('--unit <code>', 'mã GSO của đơn vị, ví dụ 12 hoặc vn-2025:106')
  .requiredOption('--count <n>', 'số thiết bị')
  .option('--mqtt <url>', 'broker MQTT của Loa, ví dụ mqtt://127.0.0.1:1884')
  .option('--http <url>', 'địa chỉ Loa cho giao thức HTTP (kéo lịch), ví dụ http://127.0.0.1:3000')
  .option('--offline-rate <p>', 'xác suất mất kết nối ở mỗi nhịp tim (0..1)', '0')
  .option('--speed <x>', 'phát nhanh gấp x lần (thử nghiệm)', '1')
  .option('--heartbeat <s>', 'chu kỳ nhịp tim (giây)', '60')
  .option('--for <s>', 'dừng sau s giây (mặc định: đến khi Ctrl+C)')
  .action(async (opts: SimulateCommandOptions) => {
    await withContainer((c) => runSimulateCommand(c, opts, (line) => process.stdout.write(line)));
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof EnvError || err instanceof DataDirLockedError || err instanceof MqttPortInUseError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof AppError) {
    process.stderr.write(`${errorMessage(err.code, 'vi', err.params)} ${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}
