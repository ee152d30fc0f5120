import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from './db/client.ts';
import { JobQueue } from './jobs/queue.ts';
import type { Clock } from './platform/clock.ts';
import { createFileStore } from './providers/file-store/disk.ts';
import type { Logger } from './platform/logger.ts';
import type { Mailer } from './providers/mailer/port.ts';
import { createSecretBox, loadSecretKey } from './platform/secret-box.ts';
import type { SecretBox } from './platform/secret-box.ts';
import type { LinkResolver } from './providers/link-resolver/port.ts';
import type { SmsProvider } from './providers/sms/port.ts';
import { createSocialProviders } from './providers/social/index.ts';
import type { SocialProvider } from './providers/social/port.ts';
import { createEspeakTts } from './providers/tts/espeak.ts';
import type { TtsProvider } from './providers/tts/port.ts';
import { createPublicUrl } from './platform/public-url.ts';
import type { ModuleContext, ModuleEnv, Services } from './modules/module.ts';
import { MODULES } from './modules/registry.ts';
import type { RegisteredModule } from './modules/registry.ts';

export interface Deps {
  database: Database;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  /** DATA_DIR holds uploaded files (DATA_DIR/files); without it (tests, benchmarks) a temporary directory. */
  env: ModuleEnv;
  /** The SMS provider (main.ts builds it from SMS_SMPP or the demo simulator); none: deliveries fail with a clear error. */
  sms?: SmsProvider | null;
  /** Text-to-speech for bulletins; default espeak-ng's `vi` voice (run only when something is read). */
  tts?: TtsProvider;
  /** Facebook and Zalo adapters (main.ts builds them from FACEBOOK_GRAPH_URL/ZALO_OA_URL); default the platforms' own URLs. */
  social?: { facebook: SocialProvider; zalo: SocialProvider };
  /** Seals stored secrets; default the key of DATA_DIR (main.ts passes LOA_SECRET_KEY's), or a key for this process only. */
  secretBox?: SecretBox;
  /** Short-link resolver of the rumors desk (default: its HTTP resolver; tests pass the fake). */
  linkResolver?: LinkResolver;
}

/**
 * Wires every module of the registry once per process: services in list order (each may use those
 * above it), then their jobs and schedules. Everything else receives what it needs from here.
 */
export function createContainer(deps: Deps, modules: readonly RegisteredModule[] = MODULES) {
  const { db } = deps.database;
  const jobs = new JobQueue({ db, clock: deps.clock, logger: deps.logger });
  const publicUrl = createPublicUrl(deps.env.PUBLIC_URL);
  const filesDir = deps.env.DATA_DIR ? path.resolve(deps.env.DATA_DIR, 'files') : path.join(tmpdir(), `loa-files-${randomUUID()}`);
  const social = deps.social ?? createSocialProviders({});
  const secretBox = deps.secretBox ?? createSecretBox(deps.env.DATA_DIR ? loadSecretKey({ DATA_DIR: deps.env.DATA_DIR }) : randomBytes(32));
  const ctx: ModuleContext = { ...deps, sms: deps.sms ?? null, tts: deps.tts ?? createEspeakTts(), social, secretBox, db, jobs, publicUrl, files: createFileStore(filesDir) };
  const built: Partial<Services> = {};
  // A module reading a service of a module listed after it is a wiring mistake: say so at start.
  const services = new Proxy(built, {
    get(target, key): unknown {
      if (typeof key !== 'string') return Reflect.get(target, key) as unknown;
      if (!(key in target)) throw new Error(`service "${key}" used before its module was created (order in modules/registry.ts)`);
      return target[key as keyof Services];
    },
  }) as Services;
  for (const m of modules) Object.assign(built, m.create(ctx, services));
  for (const m of modules) {
    jobs.register(...(m.jobs?.(ctx, services) ?? []));
    jobs.schedule(...(m.schedules?.(ctx) ?? []));
  }
  return { ...deps, sms: ctx.sms, tts: ctx.tts, social, secretBox, jobs, services: built as Services, publicUrl, files: ctx.files, modules };
}

export type Container = ReturnType<typeof createContainer>;
