import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import { createArchiveWriter, readArchive } from './archive.ts';
import * as repo from './backup.repository.ts';
import './backup.errors.ts';

/**
 * Online backup and restore of a whole Loa instance: the database (a logical dump of every table
 * of one consistent snapshot) and the stored files, in one .tar.gz with a manifest.
 *
 * Archive layout, in this order:
 *   loa-backup.json           header: format, Loa version, database kind, applied migrations
 *   files/<key>               stored files present before the snapshot was taken
 *   db/<table>/<n>.jsonl      rows of each table, PAGE_ROWS per entry, one row_to_json object a line
 *   db/sequences.json         sequence values
 *   files/<key>               files that appeared while the snapshot was read
 *   manifest.json             the header again plus row counts per table and size + sha256 per file
 */
export const BACKUP_FORMAT = 'loa-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE_ROWS = 2000;
const HEADER = 'loa-backup.json';
const MANIFEST = 'manifest.json';
const SEQUENCES = 'db/sequences.json';
const TABLE_ENTRY = /^db\/([a-z0-9_]{1,63})\/\d{6}\.jsonl$/;
const FILE_ENTRY = /^files\/(.+)$/;

const LOA_VERSION = (JSON.parse(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json'), 'utf8')) as { version: string }).version;

const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  loaVersion: z.string(),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
});
const ManifestSchema = HeaderSchema.extend({
  tables: z.record(z.string(), z.number().int().min(0)),
  files: z.record(z.string(), z.object({ size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupHeader = z.infer<typeof HeaderSchema>;
export type BackupManifest = z.infer<typeof ManifestSchema>;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function invalid(reason: string): AppError {
  return new AppError('BACKUP_INVALID', { reason });
}

async function readStored(files: FileStore, key: string): Promise<Buffer | null> {
  const opened = await files.open(key);
  if (!opened) return null; // removed since it was listed
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes a backup archive of `database` and `files` into `out`; resolves with its manifest. */
export async function writeBackup(deps: { database: Database; files: FileStore; clock: Clock }, out: Writable): Promise<BackupManifest> {
  const { database, files } = deps;
  const now = deps.clock.now();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    loaVersion: LOA_VERSION,
    createdAt: now.toISOString(),
    database: database.kind,
    migrations: await database.appliedMigrations(),
  };
  const archive = createArchiveWriter(out, now);
  const manifest: BackupManifest = { ...header, tables: {}, files: {} };
  const addFiles = async () => {
    for (const key of await files.list()) {
      if (manifest.files[key]) continue;
      const content = await readStored(files, key);
      if (!content) continue;
      await archive.add(`files/${key}`, content);
      manifest.files[key] = { size: content.length, sha256: sha256(content) };
    }
  };
  await archive.add(HEADER, Buffer.from(JSON.stringify(header, null, 2)));
  // Files first, then the snapshot, then files again: a file that a row of the snapshot names was
  // either there before the snapshot began, or was saved before its row committed and is picked up
  // by the second pass.
  await addFiles();
  await repo.inSnapshot(database.db, async (tx) => {
    for (const table of await repo.listTables(tx)) {
      let count = 0;
      let part = 0;
      for await (const rows of repo.tableRows(tx, table, PAGE_ROWS)) {
        part++;
        await archive.add(`db/${table.name}/${String(part).padStart(6, '0')}.jsonl`, Buffer.from(`${rows.join('\n')}\n`));
        count += rows.length;
      }
      manifest.tables[table.name] = count;
    }
    await archive.add(SEQUENCES, Buffer.from(JSON.stringify(await repo.sequenceValues(tx))));
  });
  await addFiles();
  await archive.add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
  await archive.finish();
  return manifest;
}

/** Writes a backup to `file` (via `file.partial`, renamed when complete). */
export async function writeBackupFile(deps: Parameters<typeof writeBackup>[0], file: string): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  try {
    const manifest = await writeBackup(deps, createWriteStream(partial, { flags: 'w', mode: 0o600 }));
    await rename(partial, file);
    return manifest;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/**
 * Reads a backup through and checks it against its manifest (row counts, file hashes); resolves
 * with the manifest. Used after a backup came over the control socket.
 */
export async function verifyBackup(input: Readable): Promise<BackupManifest> {
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  let manifest: BackupManifest | null = null;
  try {
    for await (const entry of readArchive(input)) {
      if (manifest) throw invalid('có dữ liệu sau manifest.json');
      const table = TABLE_ENTRY.exec(entry.name)?.[1];
      const key = FILE_ENTRY.exec(entry.name)?.[1];
      if (table) counts[table] = (counts[table] ?? 0) + lineCount(entry.content);
      else if (key) hashes[key] = sha256(entry.content);
      else if (entry.name === MANIFEST) manifest = parseJson(ManifestSchema, entry.content, MANIFEST);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(err instanceof Error ? err.message : String(err));
  }
  if (!manifest) throw invalid('thiếu manifest.json (tệp bị cắt ngắn?)');
  checkAgainstManifest(manifest, counts, hashes);
  return manifest;
}

function lineCount(content: Buffer): number {
  return content
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0).length;
}

function parseJson<S extends z.ZodType>(schema: S, content: Buffer, name: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch {
    throw invalid(`${name} không phải JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`${name} sai cấu trúc`);
  return parsed.data;
}

function checkAgainstManifest(manifest: BackupManifest, counts: Record<string, number>, hashes: Record<string, string>): void {
  for (const [table, n] of Object.entries(manifest.tables)) {
    if ((counts[table] ?? 0) !== n) throw invalid(`bảng ${table} có ${counts[table] ?? 0} dòng, manifest ghi ${n}`);
  }
  for (const table of Object.keys(counts)) if (!(table in manifest.tables)) throw invalid(`bảng ${table} không có trong manifest`);
  for (const [key, f] of Object.entries(manifest.files)) {
    if (hashes[key] !== f.sha256) throw invalid(`tệp ${key} ${hashes[key] ? 'sai mã băm sha256' : 'bị thiếu'}`);
  }
  for (const key of Object.keys(hashes)) if (!manifest.files[key]) throw invalid(`tệp ${key} không có trong manifest`);
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  files: number;
  /** Migrations newer than the backup, applied after loading it. */
  upgradedWith: string[];
}

/**
 * Checks that the target holds no data: no stored file, and either a database Loa never migrated
 * or one whose tables are all empty (jobs aside: a server started on an empty database schedules
 * jobs) with no migration the backup lacks. Returns how many migrations are already applied.
 */
async function assertEmptyTarget(database: Database, files: FileStore, backupMigrations: string[]): Promise<void> {
  const target = database.kind === 'pglite' ? 'thư mục dữ liệu' : 'cơ sở dữ liệu PostgreSQL';
  const notEmpty = (detail: string) => new AppError('BACKUP_TARGET_NOT_EMPTY', { target, detail });
  const stored = await files.list();
  if (stored.length) throw notEmpty(`${stored.length} tệp trong ${files.dir}`);
  if (!(await repo.hasMigrationsTable(database.db))) return;
  for (const table of await repo.listTables(database.db)) {
    if (table.name === 'jobs') continue;
    const n = await repo.countRows(database.db, table.name);
    if (n > 0) throw notEmpty(`bảng ${table.name} có ${n} dòng`);
  }
  const applied = await database.appliedMigrations();
  if (applied.some((tag, i) => backupMigrations[i] !== tag)) {
    throw notEmpty(`đã áp dụng migration ${applied.at(-1)} mới hơn bản sao lưu; hãy dùng thư mục dữ liệu hoặc cơ sở dữ liệu mới`);
  }
}

/**
 * Restores a backup into an empty target: the schema as of the backup's migrations, every row, the
 * sequences and the stored files, all checked against the manifest before the load commits; then
 * the migrations of this Loa that the backup predates. Nothing is kept when any check fails.
 */
export async function restoreBackup(target: { database: Database; files: FileStore }, input: Readable): Promise<RestoreResult> {
  const { database, files } = target;
  const entries = readArchive(input);
  const wrap = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw invalid(err instanceof Error ? err.message : String(err));
    }
  };
  const first = await wrap(entries.next());
  if (first.done || first.value.name !== HEADER) throw invalid(`không bắt đầu bằng ${HEADER}`);
  const header = parseJson(HeaderSchema, first.value.content, HEADER);
  const known = repo.knownMigrations();
  const unknown = header.migrations.find((tag, i) => known[i] !== tag);
  if (unknown) {
    if (!known.includes(unknown)) throw new AppError('BACKUP_TOO_NEW', { migration: unknown });
    throw invalid(`thứ tự migration ${unknown} khác với phiên bản này`);
  }
  await assertEmptyTarget(database, files, header.migrations);
  await repo.migrateTo(database, header.migrations.length);

  const written: string[] = [];
  let rows = 0;
  try {
    const manifest = await database.db.transaction(async (tx) => {
      const tables = new Map((await repo.listTables(tx)).map((t) => [t.name, t]));
      await repo.deleteAllRows(tx, 'jobs');
      const fks = await repo.foreignKeys(tx);
      for (const fk of fks) await repo.dropForeignKey(tx, fk);
      const counts: Record<string, number> = {};
      const hashes: Record<string, string> = {};
      let manifest: BackupManifest | null = null;
      for (;;) {
        const next = await wrap(entries.next());
        if (next.done) break;
        const { name, content } = next.value;
        if (manifest) throw invalid('có dữ liệu sau manifest.json');
        const tableName = TABLE_ENTRY.exec(name)?.[1];
        const key = FILE_ENTRY.exec(name)?.[1];
        if (tableName) {
          const table = tables.get(tableName);
          if (!table) throw invalid(`bảng ${tableName} không có trong lược đồ`);
          const lines = content
            .toString('utf8')
            .split('\n')
            .filter((l) => l.length > 0);
          if (lines.length) await repo.insertJsonRows(tx, table, lines);
          counts[tableName] = (counts[tableName] ?? 0) + lines.length;
          rows += lines.length;
        } else if (name === SEQUENCES) {
          const values = parseJson(z.record(z.string(), z.string().regex(/^-?\d+$/)), content, SEQUENCES);
          for (const [seq, value] of Object.entries(values)) await repo.setSequence(tx, seq, value);
        } else if (key) {
          if (!(await files.put(key, content))) throw invalid(`tên tệp ${key} không hợp lệ`);
          written.push(key);
          hashes[key] = sha256(content);
        } else if (name === MANIFEST) {
          manifest = parseJson(ManifestSchema, content, MANIFEST);
        } else {
          throw invalid(`mục lạ ${name}`);
        }
      }
      if (!manifest) throw invalid('thiếu manifest.json (tệp bị cắt ngắn?)');
      if (manifest.migrations.join() !== header.migrations.join()) throw invalid('manifest và phần đầu khác nhau');
      checkAgainstManifest(manifest, counts, hashes);
      for (const fk of fks) await repo.addForeignKey(tx, fk);
      return manifest;
    });
    const before = await database.appliedMigrations();
    await database.migrate();
    const after = await database.appliedMigrations();
    return { manifest, rows, files: written.length, upgradedWith: after.slice(before.length) };
  } catch (err) {
    for (const key of written) await files.remove(key);
    throw err;
  } finally {
    input.destroy();
  }
}

/**
 * Whether a backup was made with exactly this Loa's migrations: then a new PGlite cluster may start
 * from the migrated empty template instead of being created and migrated from nothing.
 */
export async function backupMatchesMigrations(input: Readable): Promise<boolean> {
  try {
    const first = await readArchive(input).next();
    if (first.done || first.value.name !== HEADER) return false;
    return parseJson(HeaderSchema, first.value.content, HEADER).migrations.join() === repo.knownMigrations().join();
  } catch {
    return false; // the restore itself reports what is wrong with the file
  } finally {
    input.destroy();
  }
}

/** File name of a scheduled backup: loa-backup-YYYYMMDD-HHmmss.tar.gz in Viet Nam time (UTC+7, no DST). */
export function scheduledBackupName(at: Date): string {
  const s = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `loa-backup-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}.tar.gz`;
}
const SCHEDULED_NAME = /^loa-backup-\d{8}-\d{6}\.tar\.gz$/;

export function createBackupService(deps: { database: Database; files: FileStore; clock: Clock; backupDir: string; keep: number }) {
  const source = { database: deps.database, files: deps.files, clock: deps.clock };
  return {
    /** Where the stored files this service backs up live (DATA_DIR/files). */
    filesDir: deps.files.dir,
    writeBackup: (out: Writable) => writeBackup(source, out),
    writeBackupFile: (file: string) => writeBackupFile(source, file),
    /** The scheduled backup: a new file in the backup directory, then only the newest `keep` are kept. */
    async runScheduled(): Promise<{ file: string; manifest: BackupManifest; removed: string[] }> {
      const file = path.join(deps.backupDir, scheduledBackupName(deps.clock.now()));
      const manifest = await writeBackupFile(source, file);
      const all = (await readdir(deps.backupDir)).filter((n) => SCHEDULED_NAME.test(n)).sort();
      const removed = all.slice(0, Math.max(0, all.length - deps.keep));
      for (const name of removed) await rm(path.join(deps.backupDir, name), { force: true });
      return { file, manifest, removed };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

/** Opens a backup file for reading (restore, verify). */
export function openBackupFile(file: string): Readable {
  return createReadStream(file);
}
