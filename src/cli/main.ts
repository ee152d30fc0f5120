import { Command, Option } from 'commander';
import { loadEnv, EnvError } from '../server/env.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { buildPgliteTemplate } from '../server/db/build-template.ts';
import { TEMPLATE_PATH } from '../server/db/pglite-template.ts';
import { boot, printDemoAccounts, startServer } from '../server/main.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { SYSTEM_ACTOR, ROLES, systemActor } from '../server/modules/access/index.ts';
import type { Role } from '../server/modules/access/index.ts';
import { EDITION_IDS, unitIdFor } from '../server/modules/units/index.ts';
import type { EditionId } from '../server/modules/units/index.ts';
import { AppError, errorMessage } from '../server/platform/errors.ts';
import type { Container } from '../server/container.ts';
import { runEvalCommand, runParseCommand } from '../server/modules/imports/index.ts';
import { runRenderCommand } from '../server/modules/directives/index.ts';

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

const program = new Command()
  .name('loa')
  .description('Loa: hệ thống thông tin cơ sở / public-information system')
  .showHelpAfterError();

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

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof EnvError || err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof AppError) {
    process.stderr.write(`${errorMessage(err.code, 'vi', err.params)} ${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}
