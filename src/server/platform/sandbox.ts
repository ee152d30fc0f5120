/**
 * Running untrusted work (parsing an uploaded file) away from the event loop that serves requests:
 * a fresh worker thread per session with a V8 heap cap and a wall-clock limit. The worker is
 * terminated when either is exceeded (or when the session ends), so a hostile input can neither
 * exhaust the process's memory nor stall other requests. Tasks are the exported functions of a
 * TypeScript module; the bootstrap (sandbox-worker.mjs) registers tsx in the worker so the module
 * loads the same way under tsx, bin/loa.mjs and vitest.
 *
 * Memory outside the V8 heap (Buffers, typed arrays) is not counted by the heap cap: tasks must
 * bound what they allocate there themselves (e.g. check unpacked sizes before inflating).
 */
import { Worker } from 'node:worker_threads';

export interface SandboxLimits {
  /** V8 old-generation cap of the worker, in MiB. */
  memoryMb: number;
  /** Wall-clock limit of the whole session (start-up included), in milliseconds. */
  timeMs: number;
}

/** Why a session was ended from outside: over its memory cap, over its time, or the worker died. */
export type SandboxFailure = 'memory' | 'time' | 'crash';

export class SandboxError extends Error {
  constructor(
    readonly failure: SandboxFailure,
    readonly limits: SandboxLimits,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

/** An error thrown by a task inside the worker: its name, message and own JSON-safe fields. */
export class SandboxTaskError extends Error {
  constructor(
    readonly taskErrorName: string,
    message: string,
    readonly extra: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SandboxTaskError';
  }
}

type AnyFn = (input: never) => unknown;
type TaskNames<M> = { [K in keyof M]: M[K] extends AnyFn ? K : never }[keyof M] & string;
type TaskInput<F> = F extends (input: infer I) => unknown ? I : never;

/** Calls a task of the module in the session's worker; `transfer` moves buffers instead of copying them. */
export type SandboxCall<M> = <K extends TaskNames<M>>(fn: K, input: TaskInput<M[K]>, transfer?: readonly ArrayBuffer[]) => Promise<Awaited<ReturnType<Extract<M[K], AnyFn>>>>;

const BOOTSTRAP = new URL('./sandbox-worker.mjs', import.meta.url);

type Reply = { ready: true } | { id: number; ok: true; out: unknown } | { id: number; ok: false; error: { name: string; message: string; extra: Record<string, unknown> } };

/**
 * Opens a worker on `module` (a file URL of a TypeScript module), runs `body` with a typed `call`
 * into it, and always terminates the worker afterwards. A call rejects with SandboxError when the
 * worker exceeds its limits or dies, and with SandboxTaskError when the task throws.
 */
export async function withSandbox<M, T>(module: URL, limits: SandboxLimits, body: (call: SandboxCall<M>) => Promise<T>): Promise<T> {
  const worker = new Worker(BOOTSTRAP, {
    workerData: { module: module.href },
    // Nothing inherited from the parent's flags (loaders, inspector); the bootstrap registers tsx itself.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.max(8, Math.floor(limits.memoryMb / 8)), stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let failure: SandboxError | null = null;
  let nextId = 1;
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    pending.set(0, { resolve: () => resolve(), reject });
  });
  // A start-up failure reaches the first call; no call at all must not leave an unhandled rejection.
  ready.catch(() => undefined);
  const fail = (err: SandboxError) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    void worker.terminate();
  };
  const timer = setTimeout(() => fail(new SandboxError('time', limits, `sandbox exceeded ${limits.timeMs} ms`)), limits.timeMs);
  worker.on('message', (m: Reply) => {
    if ('ready' in m) {
      pending.delete(0);
      readyResolve();
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.out);
    else p.reject(new SandboxTaskError(m.error.name, m.error.message, m.error.extra));
  });
  worker.on('error', (err: Error & { code?: string }) => {
    const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
    fail(new SandboxError(oom ? 'memory' : 'crash', limits, oom ? `sandbox exceeded ${limits.memoryMb} MiB` : `sandbox worker failed: ${err.message}`));
  });
  worker.on('exit', (code) => {
    if (pending.size > 0) fail(new SandboxError('crash', limits, `sandbox worker exited (code ${code})`));
  });

  const call = (async (fn: string, input: unknown, transfer: readonly ArrayBuffer[] = []) => {
    await ready;
    if (failure) throw failure;
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, fn, input }, [...transfer]);
    });
  }) as SandboxCall<M>;

  try {
    return await body(call);
  } finally {
    clearTimeout(timer);
    pending.clear();
    await worker.terminate();
  }
}
