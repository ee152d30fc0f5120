// Bootstrap of a sandbox worker (platform/sandbox.ts): registers tsx so the task module can be
// TypeScript whatever started the parent (tsx CLI, bin/loa.mjs, vitest), loads the module and
// answers {id, fn, input} messages by calling its exported function of that name.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const port = parentPort;
const tasks = await import(workerData.module);

port.on('message', async ({ id, fn, input }) => {
  try {
    if (typeof tasks[fn] !== 'function') throw new Error(`sandbox task "${fn}" is not exported by ${workerData.module}`);
    port.postMessage({ id, ok: true, out: await tasks[fn](input) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    // Own fields of the error (a code, its parameters) travel as JSON; anything else is dropped.
    let extra = {};
    try {
      extra = JSON.parse(JSON.stringify({ ...e }));
    } catch {
      extra = {};
    }
    port.postMessage({ id, ok: false, error: { name: e.name, message: e.message, extra } });
  }
});
port.postMessage({ ready: true });
