import path from 'node:path';
import { openDatabase } from './db/client.ts';
import type { Database } from './db/client.ts';
import { createContainer } from './container.ts';
import type { Container } from './container.ts';
import { seedDemo } from './demo/seed-demo.ts';
import type { DemoAccount } from './demo/seed-demo.ts';
import { loadEnv } from './env.ts';
import type { Env } from './env.ts';
import { buildApp } from './http/app.ts';
import { systemClock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import type { Logger } from './platform/logger.ts';
import { createLogMailer, createSmtpMailer } from './platform/mailer.ts';

/** env → database → migrations → services: shared by the server and every CLI command. */
export async function boot(env: Env = loadEnv(), logger: Logger = createLogger(env.LOG_LEVEL)): Promise<Container> {
  const database: Database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    onIdleError: (err) => logger.warn({ err }, 'idle database connection lost'),
  });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const mailer = env.SMTP_HOST
    ? createSmtpMailer({ host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER, password: env.SMTP_PASSWORD, from: env.SMTP_FROM })
    : createLogMailer(logger);
  return createContainer({ database, clock: systemClock, logger, mailer, env });
}

export function printDemoAccounts(accounts: DemoAccount[], out: NodeJS.WritableStream = process.stdout): void {
  out.write('\n  Tài khoản demo / demo accounts (mật khẩu chỉ hiển thị một lần / passwords shown once):\n');
  for (const a of accounts) out.write(`    ${a.role.padEnd(13)} ${a.username.padEnd(20)} ${a.password.padEnd(22)} ${a.unit}\n`);
  out.write('\n');
}

/** Starts the whole of Loa in one process: API, admin UI, public site and the job worker. */
export async function startServer(env: Env = loadEnv()): Promise<{ close(): Promise<void>; port: number }> {
  const logger = createLogger(env.LOG_LEVEL);
  const c = await boot(env, logger);
  await c.jobs.assertHandlersComplete();
  const app = await buildApp(c, { serveAdmin: true, logger: true, trustProxy: env.TRUST_PROXY ?? false });
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await c.jobs.stop();
      c.mailer.close();
      await c.database.close();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void close().then(() => process.exit(0));
    });
  }
  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, database: c.database.kind }, `Loa đang chạy tại ${env.PUBLIC_URL}`);
  // Demo data loads after the server answers, so /healthz is up within seconds of a first start.
  if (env.SEED_DEMO === 'auto' && (await c.services.users.countUsers()) === 0) {
    logger.info('empty database: seeding demo data');
    printDemoAccounts(await seedDemo(c));
  }
  if (env.WORKER) c.jobs.start();
  return { close, port };
}
