import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

function problemsOf(source: NodeJS.ProcessEnv): string[] {
  try {
    loadEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  throw new Error('expected an EnvError');
}

describe('environment', () => {
  it('applies defaults to an empty environment', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: './data',
      SMTP_PORT: 25,
      SMTP_SECURE: false,
      SESSION_TTL_HOURS: 12,
      WORKER: true,
      SEED_DEMO: 'auto',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('parses and coerces given values; empty strings count as unset', () => {
    const env = loadEnv({ PORT: '8080', DATABASE_URL: 'postgresql://loa@db/loa', SMTP_SECURE: 'true', WORKER: 'false', SMTP_HOST: '', LOG_LEVEL: '' });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgresql://loa@db/loa', SMTP_SECURE: true, WORKER: false, LOG_LEVEL: 'info' });
    expect(env.SMTP_HOST).toBeUndefined();
  });

  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://localhost/loa',
      PUBLIC_URL: 'not a url',
      LOG_LEVEL: 'loud',
      SESSION_TTL_HOURS: '0',
      SMTP_USER: 'mailer',
    });
    const keys = problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'PUBLIC_URL', 'SESSION_TTL_HOURS', 'SMTP_PASSWORD'].sort());
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgres://');
  });

  it('the error message lists the problems one per line', () => {
    const err = (() => {
      try {
        loadEnv({ PORT: '-1', SMTP_PORT: '70000' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(EnvError);
    expect(err?.message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2);
  });

  it('requires SMTP_PASSWORD with SMTP_USER', () => {
    expect(problemsOf({ SMTP_HOST: 'mail', SMTP_USER: 'u' })).toEqual(['SMTP_PASSWORD: required when SMTP_USER is set']);
    expect(() => loadEnv({ SMTP_HOST: 'mail', SMTP_USER: 'u', SMTP_PASSWORD: 'p' })).not.toThrow();
  });
  it('checks the MQTT settings (devices, issue #13)', () => {
    expect(loadEnv({}).MQTT_PORT).toBeUndefined();
    expect(loadEnv({ MQTT_PORT: '0', MQTT_URL: 'mqtt://loa:secret@127.0.0.1:1883' })).toMatchObject({ MQTT_PORT: 0, MQTT_URL: 'mqtt://loa:secret@127.0.0.1:1883' });
    const problems = problemsOf({ MQTT_URL: 'http://broker', MQTT_PORT: '70000', MQTT_SERVICE_PASSWORD: 'short' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['MQTT_PORT', 'MQTT_SERVICE_PASSWORD', 'MQTT_URL']);
  });

  it('checks the social settings (issue #14)', () => {
    expect(loadEnv({ ZALO_COVER_URL: 'https://cong.laichau.gov.vn/anh-bia.png' }).ZALO_COVER_URL).toBe('https://cong.laichau.gov.vn/anh-bia.png');
    const problems = problemsOf({ ZALO_COVER_URL: 'ftp://x/y.png', FACEBOOK_GRAPH_URL: 'graph' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['FACEBOOK_GRAPH_URL', 'ZALO_COVER_URL']);
  });
});
