// Sign-in lockouts of a unit's accounts (GET /api/users/lockouts, POST /api/users/:id/unlock).
// Shapes mirror LockoutOut in src/server/modules/users/users.schemas.ts (the UI may not import it).
import { queryString, request } from '../../api.ts';

export interface Lockout {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  /** The address the failures came from (an IPv6 /64 as "…::/64"). */
  source: string;
  failures: number;
  lockedUntil: string | null;
  lastFailureAt: string;
}

export async function listLockouts(unitId: string): Promise<Lockout[]> {
  return (await request<{ items: Lockout[] }>('GET', `/api/users/lockouts${queryString({ unitId })}`)).items;
}

export async function unlockUser(userId: string, source: string): Promise<number> {
  return (await request<{ unlocked: number }>('POST', `/api/users/${encodeURIComponent(userId)}/unlock`, { source })).unlocked;
}
