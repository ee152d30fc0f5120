import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { TEMPLATE_PATH } from '../../src/server/db/pglite-template.ts';
import { describe } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import type { DatabaseKind } from '../../src/server/db/client.ts';
import { createContainer } from '../../src/server/container.ts';
import type { Container } from '../../src/server/container.ts';
import type { RegisteredModule } from '../../src/server/modules/registry.ts';
import { buildApp } from '../../src/server/http/app.ts';
import type { AppOptions } from '../../src/server/http/app.ts';
import type { Api } from '../../src/server/http/types.ts';
import { fixedClock } from '../../src/server/platform/clock.ts';
import type { Clock } from '../../src/server/platform/clock.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import type { Logger } from '../../src/server/platform/logger.ts';
import type { Mailer } from '../../src/server/providers/mailer/port.ts';
import type { SmsProvider } from '../../src/server/providers/sms/port.ts';
import type { SocialProvider } from '../../src/server/providers/social/port.ts';
import type { TtsProvider } from '../../src/server/providers/tts/port.ts';
import { createFakeTts } from '../../src/server/providers/tts/fake.ts';
import { createFakeLinkResolver } from '../../src/server/providers/link-resolver/fake.ts';
import type { LinkResolver } from '../../src/server/providers/link-resolver/port.ts';
import { createFakeMailer, type FakeMailer } from '../../src/server/providers/mailer/fake.ts';

/** The databases every database-tier test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** describe() once per database kind: the db tier (*.db.test.ts), whose job is the SQL on both engines. */
export function describeEachDb(name: string, fn: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASES) describe(`${name} [${kind}]`, () => fn(kind));
}

/**
 * describe() for the API tier (*.api.test.ts): on the embedded database (PGlite), what `npm start` runs — its one
 * connection also catches a read outside the open transaction, which would wait forever there. The SQL itself is
 * checked on PostgreSQL by the db tier, the newcomer's journeys by e2e/newcomer.browser.test.ts on both engines.
 */
export function describeApi(name: string, fn: (kind: DatabaseKind) => void): void {
  describe(`${name} [pglite]`, () => fn('pglite'));
}

/** A mailer that keeps messages in memory, for tests that do not exercise SMTP itself (the provider's fake). */
export function memoryMailer(): FakeMailer {
  return createFakeMailer();
}

export interface TestContext {
  c: Container;
  app: Api;
  clock: Clock & { set(d: Date): void };
  close(): Promise<void>;
}

/** A fresh database (in-memory PGlite, or a new PostgreSQL database) with migrations applied. */
export async function createTestContext(
  kind: DatabaseKind,
  opts: {
    mailer?: Mailer;
    now?: Date;
    dataDir?: string | null;
    app?: AppOptions;
    /** null: PUBLIC_URL unset */ publicUrl?: string | null;
    /** The module list (default: the registry); a test may add a module. */
    modules?: readonly RegisteredModule[];
    /** SMS provider (e.g. an SMPP client on the in-process simulator); default none. */
    sms?: SmsProvider | null;
    /** Text-to-speech; default the fake (silent WAVs, texts kept in `spoken`), so tests spawn no espeak-ng. */
    tts?: TtsProvider;
    /** Facebook and Zalo adapters (on the local fake servers, or the in-memory fakes); default the real URLs, which no test may reach. */
    social?: { facebook: SocialProvider; zalo: SocialProvider };
    /** Short-link resolver of the rumors desk; default the in-memory fake (knows no link), so no test resolves over the network. */
    linkResolver?: LinkResolver;
    /** The container's logger (default silent); a test reading the logs passes one writing to memory. */
    logger?: Logger;
  } = {},
): Promise<TestContext> {
  if (process.env.LOA_TEST_TIER === 'unit') {
    throw new Error('npm run test:unit (LOA_TEST_TIER=unit) opens no database: a *.unit.test.ts is pure — make it a .db.test.ts or .api.test.ts.');
  }
  let dropDb: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const name = `loa_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  // In memory, start from the migrated template the build step writes, when it is there.
  const pgliteTemplate = kind === 'pglite' && existsSync(TEMPLATE_PATH) ? TEMPLATE_PATH : undefined;
  const database = await openDatabase({ databaseUrl, dataDir: opts.dataDir ?? null, ...(pgliteTemplate ? { pgliteTemplate } : {}) });
  await database.migrate();
  const clock = fixedClock(opts.now ?? new Date('2021-02-03T03:00:00Z'));
  const c = createContainer(
    {
      database,
      clock,
      logger: opts.logger ?? createLogger('silent'),
      mailer: opts.mailer ?? memoryMailer(),
      env: { ...(opts.publicUrl === null ? {} : { PUBLIC_URL: opts.publicUrl ?? 'http://loa.test' }), SESSION_TTL_HOURS: 12 },
      sms: opts.sms ?? null,
      tts: opts.tts ?? createFakeTts(),
      linkResolver: opts.linkResolver ?? createFakeLinkResolver(),
      ...(opts.social ? { social: opts.social } : {}),
    },
    opts.modules,
  );
  const app = await buildApp(c, { serveAdmin: false, ...opts.app });
  return {
    c,
    app,
    clock,
    async close() {
      await app.close();
      await c.jobs.stop();
      await database.close();
      if (dropDb) await dropDb();
    },
  };
}
