// The sms benchmark's SMSC: `loa smsc` in its own process (as a telco's SMSC would be), its port and counters read
// from the JSON lines it prints.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SimulatorProcess {
  port: number;
  /** Stops it (SIGTERM) and returns its final counters. */
  stop(): Promise<Record<string, unknown>>;
}

export async function spawnSimulator(args: string[]): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['bin/loa.mjs', 'smsc', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let stopped: ((c: Record<string, unknown>) => void) | null = null;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`loa smsc exited (${code})`)));
    lines.on('line', (line) => {
      const e = JSON.parse(line) as { event?: string; port?: number };
      if (e.event === 'listening') resolve(e.port!);
      if (e.event === 'stopped') stopped?.(e as Record<string, unknown>);
    });
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        stopped = resolve;
        child.kill('SIGTERM');
      }),
  };
}
