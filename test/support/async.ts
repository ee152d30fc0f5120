import { AppError } from '../../src/server/platform/errors.ts';

/** Polls `check` every `everyMs` until it holds; throws 'timed out' after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 20_000, everyMs = 50): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** How a call ended: 'ok', or the code of the AppError it threw (anything else as text). */
export const outcomeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
