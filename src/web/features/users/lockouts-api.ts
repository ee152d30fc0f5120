// Sign-in lockouts of a unit's accounts (GET /api/users/lockouts, POST /api/users/:id/unlock).
// Shapes are the shared contract (LockoutOut in src/shared/contracts/users.ts); responses are checked.
import { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import { LockoutOut, type Lockout } from '../../../shared/contracts/users.ts';

export type { Lockout } from '../../../shared/contracts/users.ts';

export async function listLockouts(unitId: string): Promise<Lockout[]> {
  return (await requestParsed(z.object({ items: z.array(LockoutOut) }), 'GET', `/api/users/lockouts${queryString({ unitId })}`)).items;
}

export async function unlockUser(userId: string, source: string): Promise<number> {
  return (await requestParsed(z.object({ unlocked: z.number() }), 'POST', `/api/users/${encodeURIComponent(userId)}/unlock`, { source })).unlocked;
}
