import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';
import './users.errors.ts';

/** argon2id (the library default), OWASP parameters: 19 MiB, 2 iterations. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 10 characters with a letter and a digit. */
export function assertStrongPassword(password: string): void {
  if (password.length < 10 || password.length > 200 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw new AppError('WEAK_PASSWORD');
  }
}
