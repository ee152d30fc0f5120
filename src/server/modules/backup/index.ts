// The backup module's public surface: the CLI and the server's control socket.
export { backupMatchesMigrations, openBackupFile, restoreBackup } from './backup.service.ts';
export type { BackupManifest } from './backup.service.ts';
export { controlSocketPath, requestBackup, serveControlSocket } from './control-socket.ts';

import path from 'node:path';
import { defineModule } from '../module.ts';
import { BACKUP_ERRORS } from './backup.errors.ts';
import { backupSchedule as scheduleOf, bindBackupJob as backupJob } from './backup.jobs.ts';
import { createBackupService as makeBackup } from './backup.service.ts';
import type { BackupService as Backup } from './backup.service.ts';

declare module '../module.ts' {
  interface Services {
    backup: Backup;
  }
}

/** Backups: `loa backup` / `loa restore`, and scheduled backups when BACKUP_SCHEDULE is set. */
export const module = defineModule({
  name: 'backup',
  errors: BACKUP_ERRORS,
  create: ({ database, files, clock, env }) => {
    const backupDir = path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR ?? path.dirname(files.dir), 'backups'));
    return { backup: makeBackup({ database, files, clock, backupDir, keep: env.BACKUP_KEEP ?? 7 }) };
  },
  // The job is always known (a queued backup survives a settings change); the schedule only when set.
  jobs: (_ctx, { backup }) => [backupJob(backup)],
  schedules: ({ env }) => (env.BACKUP_SCHEDULE ? [scheduleOf(env.BACKUP_SCHEDULE)] : []),
});
