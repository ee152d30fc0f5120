import { z } from 'zod';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { Schedule } from '../../jobs/queue.ts';
import type { BackupService } from './backup.service.ts';

/**
 * The scheduled backup (BACKUP_SCHEDULE). The job is registered in every process, the schedule only
 * when backups are turned on, so a job still waiting after they are turned off keeps a handler.
 */
export function bindBackupJob(backup: BackupService) {
  return defineJob({
    name: 'backup.scheduled',
    payload: z.object({}),
    maxAttempts: 3,
    backoffMs: exponentialBackoff,
    async handle(_payload, ctx) {
      const { file, manifest, removed } = await backup.runScheduled();
      const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
      ctx.logger.info({ file, rows, files: Object.keys(manifest.files).length, removed }, 'backup written');
    },
  });
}

export function backupSchedule(cron: string): Schedule {
  return { key: 'backup', cron, job: 'backup.scheduled', payload: {} };
}
