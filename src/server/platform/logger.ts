import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; one logger for the process, children per request/job. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'loa' },
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.passwordHash'], remove: true },
  });
}
