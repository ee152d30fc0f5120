import { z } from 'zod';
import { defineJob } from '../../jobs/queue.ts';

/** Sends one publication to its page. Outcomes of the platform never throw: the row records them (see publishing.service.ts). */
export const publishJob = defineJob({
  name: 'social.publish',
  payload: z.object({ publicationId: z.uuid() }),
  // Only an unexpected failure (the database away) is retried by the queue; the platform's answers are handled.
  maxAttempts: 3,
  backoffMs: (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 600_000),
  handle: () => Promise.reject(new Error('social.publish: handler not bound')),
});

/** The first send of a publication: its id (enqueued in the publishing transaction, so a double enqueue is a no-op). */
export const publishJobId = (publicationId: string): string => `social:${publicationId}`;
/** A later send: automatic after a temporary failure, or the operator's "Đăng lại". */
export const retryJobId = (publicationId: string, kind: 'auto' | 'manual', attempt: number, at: Date): string => `social:${publicationId}:${kind}:${attempt}:${at.getTime()}`;

/** Temporary failures and rate limits are retried this many sends in all, then the publication fails. */
export const MAX_SEND_ATTEMPTS = 5;
/** 1 min, 2 min, 4 min, 8 min (at least what the platform asked for with its rate limit). */
export const retryDelayMs = (attempt: number, retryAfterMs: number | null): number => Math.max(60_000 * 2 ** (attempt - 1), retryAfterMs ?? 0);
