import { describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS, publishJobId, retryDelayMs, retryJobId } from './social.jobs.ts';
import { senderHash } from './social.context.ts';

describe('social rules', () => {
  it('retries after 1, 2, 4, 8 minutes, or later when the platform asks (rate limit)', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(1, 420_000)).toBe(420_000);
    expect(retryDelayMs(4, 60_000)).toBe(480_000);
    expect(MAX_SEND_ATTEMPTS).toBe(5);
  });

  it('names the first send by the publication and each later one apart', () => {
    const id = '3f2a9c4e-0000-4000-8000-000000000001';
    expect(publishJobId(id)).toBe(`social:${id}`);
    const at = new Date(86_400_000);
    expect(retryJobId(id, 'auto', 1, at)).not.toBe(retryJobId(id, 'manual', 1, at));
  });

  it('hashes a sender per page: the same person groups, another page does not link them', () => {
    expect(senderHash('page-a', '123')).toBe(senderHash('page-a', '123'));
    expect(senderHash('page-a', '123')).not.toBe(senderHash('page-b', '123'));
    expect(senderHash('page-a', '123')).toMatch(/^[0-9a-f]{12}$/);
  });
});
