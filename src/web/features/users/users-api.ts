// Client of the users API (/api/users). Shapes are the shared contract (src/shared/contracts/users.ts);
// every response is checked against it.
import { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import type { Role } from '../../../shared/contracts/access.ts';
import { UserOut, type User } from '../../../shared/contracts/users.ts';

export type { User } from '../../../shared/contracts/users.ts';

const UserEnvelope = z.object({ user: UserOut });

export async function listUsers(unitId: string): Promise<User[]> {
  return (await requestParsed(z.object({ items: z.array(UserOut) }), 'GET', `/api/users${queryString({ unitId })}`)).items;
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  unitId: string;
  roles: Role[];
}

export async function createUser(input: NewUser): Promise<User> {
  return (await requestParsed(UserEnvelope, 'POST', '/api/users', input)).user;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
}

export async function updateUser(id: string, patch: UserPatch): Promise<User> {
  return (await requestParsed(UserEnvelope, 'PATCH', `/api/users/${encodeURIComponent(id)}`, patch)).user;
}
