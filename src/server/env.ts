import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import type { SmppAccountConfig } from './providers/sms/smpp.ts';
import { decodeSecretKey } from './platform/secret-box.ts';

/**
 * SMS_SMPP: comma-separated `smpp://systemId:password@host:port?name=viettel-1&binds=1&window=10&tps=0&timeout=10000`
 * (one per telco account; user and password URL-encoded). Returns the accounts or the problem.
 */
export function parseSmppAccounts(value: string): { accounts: SmppAccountConfig[] } | { error: string } {
  const accounts: SmppAccountConfig[] = [];
  for (const [i, raw] of value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .entries()) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return { error: `account ${i + 1}: not a URL (smpp://systemId:password@host:port?name=…)` };
    }
    if (u.protocol !== 'smpp:') return { error: `account ${i + 1}: must start with smpp://` };
    const port = Number(u.port || 2775);
    if (!u.hostname || !u.username || !Number.isInteger(port) || port < 1 || port > 65535) return { error: `account ${i + 1}: host, port and systemId are required` };
    const num = (k: string, d: number, min: number) => {
      const v = u.searchParams.get(k);
      const n = v === null ? d : Number(v);
      return Number.isInteger(n) && n >= min ? n : null;
    };
    const binds = num('binds', 1, 1);
    const window = num('window', 10, 1);
    const tps = num('tps', 0, 0);
    // How long a submit_sm may go unanswered before it is ambiguous (ms; default 10 s).
    const timeout = num('timeout', 10_000, 100);
    if (binds === null || window === null || tps === null || timeout === null) return { error: `account ${i + 1}: binds and window ≥ 1, tps ≥ 0, timeout ≥ 100 ms (integers)` };
    const name = u.searchParams.get('name') ?? `${decodeURIComponent(u.username)}@${u.hostname}`;
    if (accounts.some((a) => a.name === name)) return { error: `account ${i + 1}: name "${name}" used twice` };
    accounts.push({
      name,
      host: u.hostname,
      port,
      systemId: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      binds,
      window,
      maxPerSecond: tps,
      responseTimeoutMs: timeout,
    });
  }
  return accounts.length ? { accounts } : { error: 'no account' };
}

/** Every setting Loa reads from the environment, validated once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Unset: links use the request's host, and e-mails from jobs the address the server listens on. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('Loa <no-reply@loa.local>'),
  /** Reverse proxies to trust for the client IP: unset (none) or comma-separated addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]+$/, 'comma-separated addresses/CIDRs of the reverse proxies')
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Scheduled backups: a cron expression in Viet Nam time (e.g. "30 2 * * *"); unset: off. */
  BACKUP_SCHEDULE: z
    .string()
    .refine((v) => {
      try {
        CronExpressionParser.parse(v);
        return v.trim().split(/\s+/).length >= 5;
      } catch {
        return false;
      }
    }, 'must be a cron expression such as "30 2 * * *"')
    .optional(),
  /** Where scheduled backups go (default DATA_DIR/backups; better another disk). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many scheduled backups to keep (the oldest are removed). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** An external MQTT broker for the devices (mqtt://loa:password@host:1883, Mosquitto or EMQX); unset: Loa starts its embedded broker. */
  MQTT_URL: z.url({ protocol: /^mqtts?$/, error: 'must be mqtt://user:password@host:port' }).optional(),
  /** The embedded broker's port (0 = any free port). Unset: 1884 (1883 is usually Mosquitto's), or a free port printed at start when 1884 is taken. */
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Password of Loa's service account `loa` on the embedded broker (simulators, bridges); unset: no network login for it. */
  MQTT_SERVICE_PASSWORD: z.string().min(12).optional(),
  /** With MQTT_URL pointing at Mosquitto: the directory where Loa writes its passwd and acl files (docs/devices.md). */
  MOSQUITTO_AUTH_DIR: z.string().min(1).optional(),
  /** SMS accounts over SMPP (see parseSmppAccounts); unset: no account (deliveries fail with a clear error), the demo starts a local simulator. */
  SMS_SMPP: z
    .string()
    .transform((v, ctx) => {
      const r = parseSmppAccounts(v);
      if ('error' in r) {
        ctx.addIssue({ code: 'custom', message: r.error });
        return z.NEVER;
      }
      return r.accounts;
    })
    .optional(),
  /** Graph API base for the Facebook Page provider (default https://graph.facebook.com/v26.0; the demo and tests point it at the local fake). */
  FACEBOOK_GRAPH_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://graph.facebook.com/v26.0' }).optional(),
  /** Zalo OA API base (default https://openapi.zalo.me; the demo and tests point it at the local fake). */
  ZALO_OA_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://openapi.zalo.me' }).optional(),
  /** A public JPEG/PNG used as a Zalo article's cover when the post has no image of its own (Zalo articles need one). */
  ZALO_COVER_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a public JPEG or PNG image' }).optional(),
  /** Key that encrypts stored secrets (social page tokens): base64 of 32 bytes (`openssl rand -base64 32`); unset: DATA_DIR/secret.key, created on first use. */
  LOA_SECRET_KEY: z
    .string()
    .refine((v) => decodeSecretKey(v) !== null, 'must be base64 of 32 bytes (openssl rand -base64 32)')
    .optional(),
  /** Key of the informant key ring (misinformation desk): base64 of 32 bytes; unset: DATA_DIR/informant.keys, created on first use. */
  LOA_INFORMANT_KEY: z
    .string()
    .refine((v) => decodeSecretKey(v) !== null, 'must be base64 of 32 bytes (openssl rand -base64 32)')
    .optional(),
  /** The id stored beside each identity sealed under LOA_INFORMANT_KEY (default "env"); change it with the key. */
  LOA_INFORMANT_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, . _ - (at most 40)')
    .optional(),
  /** Earlier informant keys still needed until `loa rumors rotate-key` re-sealed their rows: "id:base64,id:base64". */
  LOA_INFORMANT_OLD_KEYS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .every((item) => /^[A-Za-z0-9_.-]{1,40}:/.test(item) && decodeSecretKey(item.slice(item.indexOf(':') + 1)) !== null),
      'must be "id:base64,id:base64" (each key base64 of 32 bytes)',
    )
    .optional(),
  /** Days after a case closes when its informants' identities are erased (the daily retention job). */
  RUMOR_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws EnvError listing every problem at once. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Cross-field rules are checked on the raw input too, so they are reported with the others.
  if (cleaned.SMTP_USER && !cleaned.SMTP_PASSWORD) problems.push('SMTP_PASSWORD: required when SMTP_USER is set');
  if (problems.length || !parsed.success) throw new EnvError(problems);
  return parsed.data;
}
