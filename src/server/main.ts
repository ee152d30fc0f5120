import path from 'node:path';
import { openDatabase } from './db/client.ts';
import type { Database } from './db/client.ts';
import { createContainer } from './container.ts';
import type { Container } from './container.ts';
import { printDemoAccounts, seedDemo } from './demo/seed-demo.ts';
import { startDemoDevices } from './demo/simulate-devices.ts';
import { startDemoSocial } from './demo/social-fakes.ts';
import type { DemoSocial } from './demo/social-fakes.ts';
import { controlSocketPath, serveControlSocket } from './modules/backup/index.ts';
import { DEFAULT_MQTT_PORT, startDeviceMessaging } from './modules/devices/index.ts';
import { loadEnv } from './env.ts';
import type { Env } from './env.ts';
import { buildApp } from './http/app.ts';
import { systemClock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import type { Logger } from './platform/logger.ts';
import { createSmtpMailer } from './providers/mailer/smtp.ts';
import { createLogMailer } from './providers/mailer/log.ts';
import { listenUrl } from './platform/public-url.ts';
import type { SmsProvider } from './providers/sms/port.ts';
import { createSmppProvider } from './providers/sms/smpp.ts';
import { startSmscSimulator } from './providers/sms/smsc-simulator.ts';
import type { SmscSimulator } from './providers/sms/smsc-simulator.ts';
import { createSocialProviders } from './providers/social/index.ts';
import type { SocialProviders } from './providers/social/index.ts';
import { createSecretBox, loadSecretKey } from './platform/secret-box.ts';

/** env → database → migrations → services: shared by the server and every CLI command. */
export async function boot(
  env: Env = loadEnv(),
  logger: Logger = createLogger(env.LOG_LEVEL),
  sms: SmsProvider | null = null,
  social: SocialProviders | null = null,
): Promise<Container> {
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
  // Social page tokens are sealed with LOA_SECRET_KEY, or DATA_DIR/secret.key (created on first use).
  const secretBox = createSecretBox(loadSecretKey(env));
  return createContainer({
    database,
    clock: systemClock,
    logger,
    mailer,
    env,
    sms,
    social: social ?? createSocialProviders(env, env.ZALO_COVER_URL ? { zaloDefaultCoverUrl: env.ZALO_COVER_URL } : {}),
    secretBox,
  });
}

/**
 * The server's SMS accounts: SMS_SMPP when set; for the demo (no DATABASE_URL, no SMS_SMPP) a local SMSC
 * simulator on a free loopback port (receipts after 2 s) with an account pointed at it; else none.
 */
async function smsFor(env: Env, logger: Logger): Promise<{ sms: SmsProvider | null; simulator: SmscSimulator | null }> {
  if (env.SMS_SMPP) return { sms: createSmppProvider({ accounts: env.SMS_SMPP, log: logger }), simulator: null };
  if (env.DATABASE_URL || env.SEED_DEMO === 'never') return { sms: null, simulator: null };
  const simulator = await startSmscSimulator({ host: '127.0.0.1', port: 0, dlrDelayMs: 2000, accounts: [{ systemId: 'loa-demo', password: 'demo' }], keepMessages: false });
  logger.info({ port: simulator.port }, 'demo: local SMSC simulator (tin nhắn không ra khỏi máy này)');
  const sms = createSmppProvider({ accounts: [{ name: 'demo-smsc', host: '127.0.0.1', port: simulator.port, systemId: 'loa-demo', password: 'demo' }], log: logger });
  return { sms, simulator };
}

/**
 * The demo's social pages: without FACEBOOK_GRAPH_URL/ZALO_OA_URL (and no DATABASE_URL), the local fake Graph and
 * Zalo OA APIs on loopback, the providers pointed at them, as the SMSC simulator above; else the configured platforms.
 */
async function socialFor(env: Env, logger: Logger): Promise<DemoSocial | null> {
  if (env.FACEBOOK_GRAPH_URL || env.ZALO_OA_URL || env.DATABASE_URL || env.SEED_DEMO === 'never') return null;
  return startDemoSocial(logger, { coverUrl: `${env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`}/favicon.svg` });
}

export { printDemoAccounts };

/** Starts the whole of Loa in one process: API, admin UI, public site and the job worker. */
export async function startServer(env: Env = loadEnv()): Promise<{ close(): Promise<void>; port: number }> {
  const logger = createLogger(env.LOG_LEVEL);
  const { sms, simulator } = await smsFor(env, logger);
  const demoSocial = await socialFor(env, logger);
  const c = await boot(env, logger, sms, demoSocial?.providers ?? null);
  const stopListening = c.services.smsSending.listen();
  await c.jobs.assertHandlersComplete();
  const app = await buildApp(c, { serveAdmin: true, logger: true, trustProxy: env.TRUST_PROXY ?? false });
  // Only this process can read an embedded database: `loa backup` asks it over DATA_DIR/loa.sock.
  const socketPath = c.database.kind === 'pglite' ? controlSocketPath(env.DATA_DIR) : null;
  if (c.database.kind === 'pglite' && !socketPath) logger.warn('DATA_DIR path too long for the control socket: `loa backup` needs the server stopped');
  const control = socketPath ? await serveControlSocket(socketPath, c.services.backup, logger) : null;
  // Devices (issue #13): the embedded MQTT broker unless MQTT_URL names an external one.
  const mqtt = await startDeviceMessaging(
    {
      mqttUrl: env.MQTT_URL,
      host: env.HOST,
      port: env.MQTT_PORT ?? DEFAULT_MQTT_PORT,
      anyPortIfTaken: env.MQTT_PORT === undefined,
      servicePassword: env.MQTT_SERVICE_PASSWORD,
      mosquittoAuthDir: env.MOSQUITTO_AUTH_DIR,
      logger,
    },
    { credentials: c.services.deviceCredentials, gateway: c.services.deviceGateway },
  );
  logger.info({ mqtt: mqtt.url }, `MQTT cho thiết bị: ${mqtt.url}${env.MQTT_URL ? ' (broker ngoài)' : ' (broker nhúng)'}`);
  let demoDevices: Awaited<ReturnType<typeof startDemoDevices>> = null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await control?.close();
      await app.close();
      await demoDevices?.stop();
      await mqtt.close();
      await c.jobs.stop();
      stopListening();
      await sms?.close();
      await simulator?.close();
      await demoSocial?.close();
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
    // Two citizens write to the simulated page and OA: signed webhooks into the Sở's social inbox.
    await demoSocial?.sendCitizenMessages(url);
  }
  // The demo's devices run in this process on the embedded broker (none unless the demo was seeded).
  if (env.SEED_DEMO === 'auto' && !env.MQTT_URL) demoDevices = await startDemoDevices(c, mqtt.url, logger);
  if (env.WORKER) {
    // Deliveries a dead process left 'submitting' become 'ambiguous' (never resent blindly) before sending resumes.
    const interrupted = await c.services.smsSending.recoverInterrupted();
    if (interrupted) logger.warn({ broadcasts: interrupted }, 'sms: interrupted submits marked ambiguous');
    c.jobs.start();
  }
  return { close, port };
}
