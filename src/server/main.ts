import path from 'node:path';
import { openDatabase } from './db/client.ts';
import type { Database } from './db/client.ts';
import { createContainer } from './container.ts';
import type { Container } from './container.ts';
import { printDemoAccounts, seedDemo } from './demo/seed-demo.ts';
import { controlSocketPath, serveControlSocket } from './modules/backup/index.ts';
import { loadEnv } from './env.ts';
import type { Env } from './env.ts';
import { buildApp } from './http/app.ts';
import { systemClock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import type { Logger } from './platform/logger.ts';
import { createSmtpMailer } from './providers/mailer/smtp.ts';
import { createLogMailer } from './providers/mailer/log.ts';
import { listenUrl } from './platform/public-url.ts';

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

export { printDemoAccounts };

/** Starts the whole of Loa in one process: API, admin UI, public site and the job worker. */
export async function startServer(env: Env = loadEnv()): Promise<{ close(): Promise<void>; port: number }> {
  const logger = createLogger(env.LOG_LEVEL);
  const c = await boot(env, logger);
  await c.jobs.assertHandlersComplete();
  const app = await buildApp(c, { serveAdmin: true, logger: true, trustProxy: env.TRUST_PROXY ?? false });
  // Only this process can read an embedded database: `loa backup` asks it over DATA_DIR/loa.sock.
  const socketPath = c.database.kind === 'pglite' ? controlSocketPath(env.DATA_DIR) : null;
  if (c.database.kind === 'pglite' && !socketPath) logger.warn('DATA_DIR path too long for the control socket: `loa backup` needs the server stopped');
  const control = socketPath ? await serveControlSocket(socketPath, c.services.backup, logger) : null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await control?.close();
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
  const url = listenUrl(env.HOST, port);
  // E-mails sent by jobs link here unless PUBLIC_URL says where Loa is reached from outside.
  c.publicUrl.listening(url);
  logger.info({ port, database: c.database.kind, publicUrl: env.PUBLIC_URL }, `Loa đang chạy tại ${url}${env.PUBLIC_URL ? ` (địa chỉ công khai ${env.PUBLIC_URL})` : ''}`);
  // Demo data loads after the server answers, so /healthz is up within seconds of a first start.
  if (env.SEED_DEMO === 'auto' && (await c.services.users.countUsers()) === 0) {
    logger.info('empty database: seeding demo data');
    printDemoAccounts(await seedDemo(c));
  }
  if (env.WORKER) c.jobs.start();
  return { close, port };
}
