import { describe, expect, it } from 'vitest';
import { SandboxError, SandboxTaskError, withSandbox } from './sandbox.ts';
import type * as TestTasks from './sandbox.test-tasks.ts';

type Tasks = typeof TestTasks;
const TASKS = new URL('./sandbox.test-tasks.ts', import.meta.url);
const limits = { memoryMb: 64, timeMs: 15_000 };

describe('sandbox: untrusted work in a worker thread with a memory cap and a time limit', () => {
  it('runs a TypeScript task in a worker and returns its result; several calls share one worker', async () => {
    const out = await withSandbox<Tasks, unknown>(TASKS, limits, async (call) => [await call('echo', { text: 'hòa bình' }), await call('echo', { text: 'b' })]);
    expect(out).toEqual([
      { text: 'HÒA BÌNH', inWorker: true },
      { text: 'B', inWorker: true },
    ]);
  });

  it('moves a transferred buffer instead of copying it', async () => {
    const bytes = new Uint8Array(1024 * 1024);
    const n = await withSandbox<Tasks, number>(TASKS, limits, (call) => call('byteLength', { bytes }, [bytes.buffer]));
    expect(n).toBe(1024 * 1024);
    expect(bytes.byteLength).toBe(0);
  });

  it('terminates a worker over its heap cap; the process goes on', async () => {
    const before = process.memoryUsage().heapUsed;
    const err = await withSandbox<Tasks, number>(TASKS, limits, (call) => call('hog', null)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).failure).toBe('memory');
    // The parent's own heap did not take the allocation.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
    expect(await withSandbox<Tasks, unknown>(TASKS, limits, (call) => call('echo', { text: 'vẫn chạy' }))).toMatchObject({ text: 'VẪN CHẠY' });
  });

  it('terminates a worker over its time limit while the event loop stays free', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20); // eslint-disable-line no-restricted-syntax -- a test probe of the event loop, not scheduled work
    const started = Date.now();
    const err = await withSandbox<Tasks, number>(TASKS, { memoryMb: 64, timeMs: 1500 }, (call) => call('spin', null)).catch((e: unknown) => e);
    clearInterval(ticker);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).failure).toBe('time');
    expect(Date.now() - started).toBeLessThan(10_000);
    // The loop kept turning while the worker spun (about 75 ticks of 20 ms in 1.5 s; generous for a loaded machine).
    expect(ticks).toBeGreaterThan(20);
  });

  it('brings a task error back with its code and parameters', async () => {
    const err = await withSandbox<Tasks, never>(TASKS, limits, (call) => call('refuse', { limit: 42 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxTaskError);
    expect(err).toMatchObject({ taskErrorName: 'CodedError', message: 'Tệp giải nén vượt quá giới hạn', extra: { code: 'unpacked_too_large', params: { limit: 42 } } });
  });
});
