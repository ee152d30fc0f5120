// The send job's hot loop in batches: claims ('submitting' committed) and outcome writes each cover whatever has
// piled up while the previous statement ran, so a message costs a share of a statement, not a statement of its own,
// while the provider keeps its binds' windows full. Also a batcher for the receipts.

const RECORD_WAIT_MS = 5;

export interface PipelineSteps<D, O> {
  /** Claims the queued ones of `ids` (committed before it returns); those not returned are skipped. */
  claim(ids: string[]): Promise<D[]>;
  /** Submits one claimed delivery; never rejects (a failure is an outcome). */
  submit(d: D): Promise<O>;
  /** Writes the outcomes of answered submits. */
  record(outcomes: O[]): Promise<void>;
}

/**
 * Sends `ids` with at most `lanes` deliveries claimed and not yet recorded (what a crash can leave ambiguous), each
 * claim taking at least `minClaim` free lanes (fewer only for the last ones), each write at least `minRecord` outcomes
 * (fewer when nothing else is in flight or after a few ms). Resolves when every claimed delivery's
 * outcome is written; rejects on the first failed claim or write (deliveries left 'submitting' are never resent).
 */
export async function sendPipelined<D, O>(ids: readonly string[], o: PipelineSteps<D, O> & { lanes: number; minClaim: number; minRecord: number }): Promise<void> {
  let next = 0;
  let open = 0;
  // Set when an outcome write fails (a holder object: the recorder closure writes it).
  const failed: { err?: unknown; yes: boolean } = { yes: false };
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleep = () => new Promise<void>((r) => (wake = r));
  const answered: O[] = [];
  let recording = false;
  let timer: NodeJS.Timeout | null = null;
  // Outcomes are written once `minRecord` have piled up, or all claimed ones are answered, or after RECORD_WAIT_MS.
  const due = () => answered.length >= o.minRecord || answered.length >= open;
  const recordAll = async () => {
    recording = true;
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      while (answered.length) {
        const batch = answered.splice(0, answered.length);
        await o.record(batch);
        open -= batch.length;
        notify();
        if (!due()) break;
      }
    } catch (err) {
      if (!failed.yes) Object.assign(failed, { yes: true, err });
      notify();
    } finally {
      recording = false;
      if (answered.length && !failed.yes) kick();
    }
  };
  const kick = () => {
    if (recording) return;
    if (due()) void recordAll();
    else timer ??= setTimeout(() => void recordAll(), RECORD_WAIT_MS);
  };
  const answer = (outcome: O) => {
    answered.push(outcome);
    kick();
  };

  while (!failed.yes && next < ids.length) {
    const room = o.lanes - open;
    if (room < Math.min(o.minClaim, ids.length - next)) {
      await sleep();
      continue;
    }
    const batch = ids.slice(next, next + room);
    next += batch.length;
    const claimed = await o.claim(batch);
    open += claimed.length;
    for (const d of claimed) void o.submit(d).then(answer);
  }
  while (!failed.yes && open > 0) await sleep();
  if (failed.yes) throw failed.err;
}

/**
 * Groups calls into batches: a call made while a batch runs waits for the next one, which takes everything waiting
 * (at most `max`). `run` returns one result per item, in order.
 */
export function createBatcher<I, R>(run: (items: I[]) => Promise<R[]>, max = 1000): (item: I) => Promise<R> {
  const waiting: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const loop = async () => {
    running = true;
    // Calls made in the same tick join the first batch.
    await Promise.resolve();
    while (waiting.length) {
      const batch = waiting.splice(0, max);
      try {
        const results = await run(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!running) void loop();
    });
}
