// The sign-in and users API schemas are a shared contract (src/shared/contracts/users.ts).
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody } from '../../../shared/contracts/users.ts';

export {
  AcceptInvitationBody,
  ChangePasswordBody,
  CreateUserBody,
  LockoutOut,
  LockoutsQuery,
  LoginBody,
  MeOut,
  SessionOut,
  UnlockBody,
  UpdateUserBody,
  UserIdParams,
  UserOut,
  UsersQuery,
} from '../../../shared/contracts/users.ts';

export type CreateUserInput = z.infer<typeof CreateUserBody>;
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;
