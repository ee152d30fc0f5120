export { backupSchedule, bindBackupJob } from './backup.jobs.ts';
export { backupMatchesMigrations, createBackupService, openBackupFile, restoreBackup, scheduledBackupName, verifyBackup, writeBackupFile } from './backup.service.ts';
export type { BackupManifest, BackupService, RestoreResult } from './backup.service.ts';
export { controlSocketPath, requestBackup, serveControlSocket } from './control-socket.ts';
