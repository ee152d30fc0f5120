import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được một tiến trình Loa khác sử dụng (PID ${pid}). ` +
        `The data directory is in use by another Loa process (PID ${pid}); stop it or choose another DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds (resolved paths). */
const heldByThisProcess = new Set<string>();

/**
 * Takes an exclusive lock on a data directory: PGlite does not lock its files, and two processes
 * on one directory corrupt it. The lock file is created with O_EXCL (atomic); a lock left by a
 * process that no longer exists is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'loa.lock');
  // A lock file with our own PID is stale only if this process does not hold it (a previous run
  // with the same PID, as in a container); a second open inside this process must be refused too.
  const key = path.resolve(file);
  if (heldByThisProcess.has(key)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldByThisProcess.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(key);
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      unlinkSync(file); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(dir, -1);
}
