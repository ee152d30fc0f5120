/**
 * The shape of a module. Each module's index.ts exports one `module` object made with
 * `defineModule`, and adds the services it provides to `Services` by declaration merging:
 *
 *     declare module '../module.ts' {
 *       interface Services { tasks: TasksService }
 *     }
 *
 * `registry.ts` lists the modules in dependency order; `container.ts` and `http/app.ts` iterate
 * over that list, so adding a module is one line there and nothing else central.
 */
import type { Database, Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Api } from '../http/types.ts';
import type { JobDefinition, JobQueue, Schedule } from '../jobs/queue.ts';
import type { Clock } from '../platform/clock.ts';
import type { ErrorTable } from '../platform/errors.ts';
import type { FileStore } from '../providers/file-store/port.ts';
import type { Logger } from '../platform/logger.ts';
import type { Mailer } from '../providers/mailer/port.ts';
import type { PublicUrl } from '../platform/public-url.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { LinkResolver } from '../providers/link-resolver/port.ts';
import type { SmsProvider } from '../providers/sms/port.ts';
import type { SocialProvider } from '../providers/social/port.ts';
import type { TtsProvider } from '../providers/tts/port.ts';

/** The settings modules may read (tests and benchmarks pass only what they need). */
export type ModuleEnv = Pick<Env, 'PUBLIC_URL' | 'SESSION_TTL_HOURS'> &
  Partial<
    Pick<Env, 'DATA_DIR' | 'BACKUP_SCHEDULE' | 'BACKUP_DIR' | 'BACKUP_KEEP' | 'LOA_INFORMANT_KEY' | 'LOA_INFORMANT_KEY_ID' | 'LOA_INFORMANT_OLD_KEYS' | 'RUMOR_RETENTION_DAYS'>
  >;

/** What the container hands every module. */
export interface ModuleContext {
  database: Database;
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  files: FileStore;
  jobs: JobQueue;
  publicUrl: PublicUrl;
  env: ModuleEnv;
  /** The SMS accounts (SMS_SMPP, or the demo's simulator); null when none is configured. */
  sms: SmsProvider | null;
  /** Vietnamese text-to-speech (espeak-ng; tests get the fake unless they ask for the real one). */
  tts: TtsProvider;
  /** The social pages' adapters: Facebook Graph and Zalo OA (tests and the demo point them at the local fakes). */
  social: { facebook: SocialProvider; zalo: SocialProvider };
  /** Seals secrets stored in the database (social page tokens) with LOA_SECRET_KEY or DATA_DIR/secret.key. */
  secretBox: SecretBox;
  /** Follows short links (bit.ly, vm.tiktok.com, …) for the rumors desk's clustering; unset: the HTTP resolver. Tests pass the fake. */
  linkResolver?: LinkResolver;
}

/** The services of every module, filled in by each module's index.ts (declaration merging). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What a module's routes receive. */
export interface RouteContext {
  services: Services;
  clock: Clock;
  publicUrl: PublicUrl;
  env: ModuleEnv;
  /** Session cookies only over HTTPS (PUBLIC_URL https://… or the app option). */
  secureCookies: boolean;
}

export interface LoaModule<K extends keyof Services = keyof Services> {
  name: string;
  /**
   * Builds the services this module provides. `services` holds those of the modules listed
   * before it in the registry (reading a later one throws at start-up).
   */
  create(ctx: ModuleContext, services: Services): Pick<Services, K>;
  /** HTTP routes (thin: one service call each). */
  routes?(app: Api, ctx: RouteContext): void | Promise<void>;
  /** Job handlers, with what they need from the context and the services. */
  jobs?(ctx: ModuleContext, services: Services): readonly JobDefinition[];
  /** Cron schedules (Asia/Ho_Chi_Minh); may depend on the settings. */
  schedules?(ctx: ModuleContext): readonly Schedule[];
  /** The module's error codes (its `<module>.errors.ts`), part of the one catalogue. */
  errors?: ErrorTable;
}

export function defineModule<K extends keyof Services>(m: LoaModule<K>): LoaModule<K> {
  return m;
}
