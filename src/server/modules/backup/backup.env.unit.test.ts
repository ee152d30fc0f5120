import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../env.ts';

describe('backup settings', () => {
  it('are off by default and keep 7', () => {
    const env = loadEnv({});
    expect(env.BACKUP_SCHEDULE).toBeUndefined();
    expect(env.BACKUP_KEEP).toBe(7);
  });

  it('take a cron expression, a directory and a count', () => {
    const env = loadEnv({ BACKUP_SCHEDULE: '30 2 * * *', BACKUP_DIR: '/srv/backup', BACKUP_KEEP: '14' });
    expect(env).toMatchObject({ BACKUP_SCHEDULE: '30 2 * * *', BACKUP_DIR: '/srv/backup', BACKUP_KEEP: 14 });
  });

  it('list every bad value at once', () => {
    let err: unknown;
    try {
      loadEnv({ BACKUP_SCHEDULE: 'every night', BACKUP_KEEP: '0' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const problems = (err as EnvError).problems.join('\n');
    expect(problems).toContain('BACKUP_SCHEDULE: must be a cron expression');
    expect(problems).toContain('BACKUP_KEEP');
  });
});
