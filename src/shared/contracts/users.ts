// Contract of the sign-in and users API (/api/auth, /api/users), shared by the server and the admin UI.
import { z } from 'zod';
import { ROLES } from './access.ts';
import { nfcText as text } from './text.ts';

export const LoginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export const AcceptInvitationBody = z.object({ token: z.string().min(20).max(200), password: z.string().min(1).max(200) });

export const UserIdParams = z.object({ id: z.uuid() });
export const UsersQuery = z.object({ unitId: z.uuid() });
export const LockoutsQuery = z.object({ unitId: z.uuid().optional() });
/** Without a source, every source of the account is unlocked. */
export const UnlockBody = z.object({ source: z.string().trim().min(1).max(100).optional() });
export const LockoutOut = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The address the failures came from (an IPv6 /64 as "…::/64"). */
  source: z.string(),
  failures: z.number(),
  lockedUntil: z.string().nullable(),
  lastFailureAt: z.string(),
});
export const CreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang (3–50 ký tự)'),
  displayName: text(200),
  email: z.email().max(254).nullable().optional(),
  unitId: z.uuid(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});
export const UpdateUserBody = z.object({
  displayName: text(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  disabled: z.boolean().optional(),
});

export const MeOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export const SessionOut = z.object({ user: MeOut, csrfToken: z.string() });
export const UserOut = MeOut.extend({ disabled: z.boolean(), lastLoginAt: z.string().nullable() });

export type Me = z.infer<typeof MeOut>;
export type Session = z.infer<typeof SessionOut>;
export type User = z.infer<typeof UserOut>;
export type Lockout = z.infer<typeof LockoutOut>;
