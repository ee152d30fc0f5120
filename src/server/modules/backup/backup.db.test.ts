import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, createTestContext, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { freshPostgresDatabase, snapshotInstance } from '../../../../test/support/backup.ts';
import { TAM_DUONG } from '../../../../test/factories.ts';
import { openDatabase } from '../../db/client.ts';
import { TEMPLATE_PATH } from '../../db/pglite-template.ts';
import type { Database, DatabaseKind } from '../../db/client.ts';
import { createContainer } from '../../container.ts';
import { createFileStore } from '../../providers/file-store/disk.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { createLogger } from '../../platform/logger.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { openBackupFile, restoreBackup, verifyBackup } from './backup.service.ts';

/**
 * An empty restore target of the same kind: a new PostgreSQL database, or in-memory PGlite from the
 * migrated empty template (creating a cluster from nothing takes many seconds in WebAssembly; the
 * CLI test restores into a data directory without one).
 */
async function emptyTarget(kind: DatabaseKind): Promise<{ database: Database; filesDir: string; close(): Promise<void> }> {
  const filesDir = await mkdtemp(path.join(tmpdir(), 'loa-restore-files-'));
  const pgDb = kind === 'postgres' ? await freshPostgresDatabase() : null;
  const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir: null, ...(existsSync(TEMPLATE_PATH) ? { pgliteTemplate: TEMPLATE_PATH } : {}) });
  return {
    database,
    filesDir,
    async close() {
      await database.close();
      await pgDb?.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000 + n)]);

async function restoreError(p: Promise<unknown>): Promise<AppError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describeEachDb('backup and restore', (kind) => {
  let t: TestContext;
  let work: string;
  let backupFile: string;

  beforeAll(async () => {
    t = await createTestContext(kind, { mailer: memoryMailer() });
    work = await mkdtemp(path.join(tmpdir(), 'loa-backup-test-'));
    const { services } = t.c;
    await services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    const office = await services.units.createOrganisation(SYSTEM_ACTOR, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin "Tam Đường"\nthử', kind: 'office' });
    // With a password; and without one (an invitation row and an e-mail job).
    await services.users.createUser(SYSTEM_ACTOR, {
      username: 'bientap',
      displayName: 'Nguyễn Thị Hoà',
      email: 'hoa@example.test',
      unitId: office.id,
      roles: ['unit_admin', 'drafter'],
      password: 'mat-khau-Thu-nghiem-2021',
    });
    await services.users.createUser(SYSTEM_ACTOR, { username: 'moi', displayName: 'Lò Văn Mới', email: 'moi@example.test', unitId: office.id, roles: ['viewer'] });
    const section = await services.publishing.createSection(SYSTEM_ACTOR, { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: office.id, position: 1 });
    await services.publishing.uploadMedia(SYSTEM_ACTOR, { title: 'Tờ rơi phòng dịch', sectionId: section.id, fileName: 'to-roi.pdf', content: pdf(1) });
    await services.publishing.uploadMedia(SYSTEM_ACTOR, { title: 'Báo cáo tuần', sectionId: section.id, fileName: 'bao-cao.pdf', content: pdf(2) });
    backupFile = path.join(work, 'loa.tar.gz');
    await t.c.services.backup.writeBackupFile(backupFile);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('restores into a fresh instance: every table, the migrations state, the sequences and every stored file', async () => {
    const target = await emptyTarget(kind);
    try {
      const result = await restoreBackup({ database: target.database, files: createFileStore(target.filesDir) }, openBackupFile(backupFile));
      const source = await snapshotInstance(t.c.database, t.c.services.backup.filesDir);
      const restored = await snapshotInstance(target.database, target.filesDir);
      expect(Object.keys(source.tables).length).toBeGreaterThan(10);
      expect(source.tables.units!.length).toBeGreaterThan(100);
      expect(source.tables.media_files!.length).toBe(2);
      expect(Object.keys(source.files)).toHaveLength(2);
      for (const table of Object.keys(source.tables)) expect({ table, rows: restored.tables[table] }).toEqual({ table, rows: source.tables[table] });
      expect(restored).toEqual(source);
      expect(result.rows).toBe(Object.values(source.tables).reduce((a, rows) => a + rows.length, 0));
      expect(result.files).toBe(2);
      expect(result.upgradedWith).toEqual([]);

      // The restored instance works: new rows continue the sequences, foreign keys are back.
      const c = createContainer({
        database: target.database,
        clock: t.clock,
        logger: createLogger('silent'),
        mailer: memoryMailer(),
        env: { PUBLIC_URL: 'http://loa.test', SESSION_TTL_HOURS: 12 },
      });
      const org = await c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: TAM_DUONG, name: 'Đài truyền thanh sau khôi phục', kind: 'office' });
      const after = await snapshotInstance(target.database, target.filesDir);
      expect(after.tables.units!.length).toBe(source.tables.units!.length + 1);
      const maxAuditId = (rows: string[]) => Math.max(...rows.map((r) => Number((JSON.parse(r) as { id: number }).id)));
      expect(maxAuditId(after.tables.audit_events!)).toBeGreaterThan(maxAuditId(source.tables.audit_events!));
      await expect(c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: randomUUID(), name: 'x', kind: 'office' })).rejects.toThrow();
      expect(org.id).toBeTruthy();
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a target that holds data, with a Vietnamese reason, and changes nothing', async () => {
    const before = await snapshotInstance(t.c.database, t.c.services.backup.filesDir);
    const intoSource = await restoreError(restoreBackup({ database: t.c.database, files: createFileStore(await mkdtemp(path.join(work, 'f-'))) }, openBackupFile(backupFile)));
    expect(intoSource.code).toBe('BACKUP_TARGET_NOT_EMPTY');
    expect(errorMessage(intoSource.code, 'vi', intoSource.params)).toMatch(/^Không thể khôi phục: .* đã có dữ liệu \(bảng \w+ có \d+ dòng\)/);
    expect(await snapshotInstance(t.c.database, t.c.services.backup.filesDir)).toEqual(before);

    // An empty database but a files directory with a file in it.
    const target = await emptyTarget(kind);
    try {
      await writeFile(path.join(target.filesDir, `${randomUUID()}.pdf`), pdf(3));
      const filesThere = await restoreError(restoreBackup({ database: target.database, files: createFileStore(target.filesDir) }, openBackupFile(backupFile)));
      expect(filesThere.code).toBe('BACKUP_TARGET_NOT_EMPTY');
      expect(errorMessage(filesThere.code, 'vi', filesThere.params)).toContain('1 tệp trong');
    } finally {
      await target.close();
    }
  }, 120_000);

  it('rejects a damaged or truncated backup, keeps nothing of it, and the target can still be restored', async () => {
    const whole = await readFile(backupFile);
    const target = await emptyTarget(kind);
    try {
      const files = createFileStore(target.filesDir);
      const truncated = await restoreError(restoreBackup({ database: target.database, files }, Readable.from([whole.subarray(0, Math.floor(whole.length * 0.9))])));
      expect(truncated.code).toBe('BACKUP_INVALID');
      expect(errorMessage(truncated.code, 'vi', truncated.params)).toMatch(/^Tệp sao lưu không hợp lệ hoặc bị hỏng/);
      expect(await readdir(target.filesDir)).toEqual([]);
      const notABackup = await restoreError(restoreBackup({ database: target.database, files }, Readable.from([Buffer.from('hello')])));
      expect(notABackup.code).toBe('BACKUP_INVALID');
      await expect(verifyBackup(Readable.from([whole.subarray(0, whole.length - 40)]))).rejects.toThrow(AppError);

      await restoreBackup({ database: target.database, files }, openBackupFile(backupFile));
      const source = await snapshotInstance(t.c.database, t.c.services.backup.filesDir);
      expect((await snapshotInstance(target.database, target.filesDir)).tables).toEqual(source.tables);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('takes a consistent backup while the server keeps writing', async () => {
    const { units } = t.c.services;
    const file = path.join(work, 'online.tar.gz');
    let stop = false;
    let written = 0;
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    const writer = (async () => {
      while (!stop) {
        const parent = await units.createOrganisation(SYSTEM_ACTOR, { parentId: TAM_DUONG, name: `Tổ ${written}`, kind: 'office' });
        await units.createOrganisation(SYSTEM_ACTOR, { parentId: parent.id, name: `Tổ con ${written}`, kind: 'office' });
        if (++written === 3) started();
        // Like requests arriving over the network: PGlite answers in microtasks, so yield a turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      await running;
      const manifest = await t.c.services.backup.writeBackupFile(file);
      expect(manifest.tables.units).toBeGreaterThan(100);
    } finally {
      stop = true;
      await writer;
    }
    expect(written).toBeGreaterThan(0);
    const manifest = await verifyBackup(openBackupFile(file));
    const target = await emptyTarget(kind);
    try {
      // Foreign keys are re-added at the end of the load: a child without its parent would fail here.
      const r = await restoreBackup({ database: target.database, files: createFileStore(target.filesDir) }, openBackupFile(file));
      expect(r.manifest.tables).toEqual(manifest.tables);
      expect((await snapshotInstance(target.database, target.filesDir)).tables.units).toHaveLength(manifest.tables.units!);
    } finally {
      await target.close();
    }
  }, 120_000);

  describe('scheduled backups', () => {
    it('are off by default', async () => {
      expect(await t.c.jobs.enqueueDueSchedules()).toBeGreaterThanOrEqual(0);
      const scheduled = (await snapshotInstance(t.c.database, t.c.services.backup.filesDir)).tables.jobs!.filter((j) => j.includes('"schedule:backup:'));
      expect(scheduled).toEqual([]);
    });

    it('write a backup at every slot and keep only the newest BACKUP_KEEP', async () => {
      const dir = path.join(work, 'scheduled');
      const c = createContainer({
        database: t.c.database,
        clock: t.clock,
        logger: createLogger('silent'),
        mailer: memoryMailer(),
        env: { PUBLIC_URL: 'http://loa.test', SESSION_TTL_HOURS: 12, BACKUP_SCHEDULE: '30 2 * * *', BACKUP_DIR: dir, BACKUP_KEEP: 2 },
      });
      const days = ['2021-03-01', '2021-03-02', '2021-03-03'];
      for (const day of days) {
        t.clock.set(new Date(`${day}T02:31:00+07:00`));
        await c.jobs.enqueueDueSchedules();
        await c.jobs.enqueueDueSchedules(); // a second instance (or tick) enqueues the same slot: no second run
        await c.jobs.drain();
      }
      const names = (await readdir(dir)).sort();
      expect(names).toEqual(['loa-backup-20210302-023100.tar.gz', 'loa-backup-20210303-023100.tar.gz']);
      for (const n of names) expect((await verifyBackup(openBackupFile(path.join(dir, n)))).tables.units).toBeGreaterThan(100);
      expect(existsSync(path.join(dir, 'loa-backup-20210301-023100.tar.gz'))).toBe(false);
    }, 120_000);
  });
});
