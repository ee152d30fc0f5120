// Flow control for the SMPP client and the simulator: a token bucket (messages/s, each segment a token) and an
// exponential backoff with jitter. Time comes from the caller's clock (ms), so the unit tests need no timers.

export interface TokenBucket {
  /** Takes one token when available; otherwise returns the ms to wait before one is. */
  take(now: number): number;
  readonly rate: number;
}

/**
 * `rate` tokens per second, at most `burst` saved up after idle time (default: a tenth of a second's worth, at least
 * 1), so a cap holds over any window longer than a fraction of a second. rate <= 0 means no cap.
 */
export function createTokenBucket(rate: number, burst = Math.max(1, Math.floor(rate / 10)), start = 0): TokenBucket {
  // Starts with one token, not a full burst: a fresh bind does not open with a spike above the cap.
  let tokens = Math.min(1, burst);
  let last = start;
  return {
    rate,
    take(now) {
      if (rate <= 0) return 0;
      tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) * 1000) / rate);
    },
  };
}

export interface Backoff {
  /** The next delay: min(max, base·2^n) scaled by a random factor in [0.5, 1). */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

export function createBackoff(baseMs: number, maxMs: number, random: () => number = Math.random): Backoff {
  let n = 0;
  return {
    next() {
      const d = Math.min(maxMs, baseMs * 2 ** n);
      n = Math.min(n + 1, 30);
      return Math.round(d * (0.5 + random() / 2));
    },
    reset() {
      n = 0;
    },
    get attempts() {
      return n;
    },
  };
}
