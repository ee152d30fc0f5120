/**
 * Retention of informants' identities (issue #15 point 5): every night (03:20 Viet Nam time) the identities whose
 * cases all closed at least RUMOR_RETENTION_DAYS days ago (default 90; counted from rumor_cases.closed_at, which the
 * workflow sets when a case closes — nothing else to call) are erased: `sealed` and `key_id` become the "erased"
 * marker, the contact kind goes, erased_at is set; one audit event per unit says how many. An explicit erase_after
 * passed erases too. The report, its case and its stripped file stay (they say what was reported, not who).
 */
import { z } from 'zod';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobDefinition, Schedule } from '../../jobs/queue.ts';

export const eraseInformantsJob = defineJob({
  name: 'rumors.erase-informants',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('rumors.erase-informants: handler not bound')),
});

/** Daily, 03:20 Viet Nam time. */
export const RETENTION_SCHEDULE: Schedule = { key: 'rumors-erase-informants', cron: '20 3 * * *', job: eraseInformantsJob.name, payload: {} };

export function bindRetentionJobs(deps: { eraseExpired: () => Promise<{ erased: number }> }): JobDefinition[] {
  return [
    {
      ...eraseInformantsJob,
      handle: async () => {
        await deps.eraseExpired();
      },
    },
  ];
}
