import { chmodSync, createReadStream, createWriteStream, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { BackupManifest, BackupService } from './backup.service.ts';
import { verifyBackup } from './backup.service.ts';
import './backup.errors.ts';

/**
 * The local control socket of a server that holds an embedded (PGlite) database: a second process
 * cannot open that database, so `loa backup` asks the server for the archive over a Unix socket in
 * DATA_DIR, readable and writable by the file owner only. Whoever can use it can read DATA_DIR
 * anyway, so it grants nothing new.
 */
const MAX_SOCKET_PATH = 100; // sockaddr_un.sun_path holds 104-108 bytes depending on the system

/** DATA_DIR/loa.sock, or null when the path is too long for a Unix socket. */
export function controlSocketPath(dataDir: string): string | null {
  const p = path.join(path.resolve(dataDir), 'loa.sock');
  return Buffer.byteLength(p) <= MAX_SOCKET_PATH ? p : null;
}

export async function serveControlSocket(socketPath: string, backup: BackupService, logger: Logger): Promise<{ close(): Promise<void> }> {
  rmSync(socketPath, { force: true }); // left by a killed server: this process holds the data directory lock
  const server = net.createServer((conn) => {
    let line = '';
    conn.setEncoding('utf8');
    const onData = (chunk: string) => {
      line += chunk;
      const nl = line.indexOf('\n');
      if (nl < 0) {
        if (line.length > 64) conn.destroy();
        return;
      }
      conn.off('data', onData);
      conn.pause();
      if (line.slice(0, nl).trim() !== 'backup') {
        conn.end('unknown command\n');
        return;
      }
      const t0 = performance.now();
      backup.writeBackup(conn).then(
        (m) =>
          logger.info({ tables: Object.keys(m.tables).length, files: Object.keys(m.files).length, ms: Math.round(performance.now() - t0) }, 'backup sent over the control socket'),
        (err: unknown) => {
          logger.error({ err }, 'backup over the control socket failed');
          conn.destroy();
        },
      );
    };
    conn.on('data', onData);
    conn.on('error', () => undefined); // the client went away; writeBackup sees it too
  });
  const previous = process.umask(0o077);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/**
 * Asks the server on `socketPath` for a backup and writes it to `file` (checked against its
 * manifest before it gets its name). Resolves null when no server listens there.
 */
export async function requestBackup(socketPath: string, file: string): Promise<BackupManifest | null> {
  const conn = await new Promise<net.Socket | null>((resolve, reject) => {
    const s = net.connect(socketPath);
    s.once('connect', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve(null);
      else reject(new AppError('BACKUP_SERVER_UNREACHABLE', { reason: err.code ?? err.message }));
    });
  });
  if (!conn) return null;
  const partial = `${file}.partial`;
  try {
    conn.write('backup\n');
    await pipeline(conn, createWriteStream(partial, { mode: 0o600 }));
    const manifest = await verifyBackup(createReadStream(partial));
    await rename(partial, file);
    return manifest;
  } catch (err) {
    await rm(partial, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_SERVER_UNREACHABLE', { reason: err instanceof Error ? err.message : String(err) });
  }
}
