import { z } from 'zod';
import { defineJob } from '../../jobs/queue.ts';

/** Deliveries per send job (one job per chunk, id `sms:<broadcastId>:<chunk>`). */
export const SEND_CHUNK = 500;

export const sendJobId = (broadcastId: string, chunk: number): string => `sms:${broadcastId}:${chunk}`;

/** Temporary SMSC errors: retried soon (5 s, 10 s, 20 s … at most 5 min); a delivery fails after this many attempts. */
export const SEND_MAX_ATTEMPTS = 6;
export const sendBackoffMs = (attempt: number): number => Math.min(5_000 * 2 ** (attempt - 1), 300_000);

/** Sends the queued deliveries of one chunk of a broadcast (those no longer queued are skipped: re-running it sends nothing twice). */
export const sendSmsJob = defineJob({
  name: 'broadcasts.send-sms',
  payload: z.object({ broadcastId: z.uuid(), deliveryIds: z.array(z.uuid()).max(SEND_CHUNK) }),
  maxAttempts: SEND_MAX_ATTEMPTS,
  backoffMs: sendBackoffMs,
  handle: () => Promise.reject(new Error('broadcasts.send-sms: handler not bound')),
});
