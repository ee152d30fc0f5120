import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import './directives.errors.ts';
import { isUniqueViolation } from './directives.repository.ts';
import * as registerRepo from './register.repository.ts';
import { formatNumber } from './dispatch.ts';

// The register (sổ văn bản): one number sequence per issuer, year and register (outgoing, incoming).

function numberConflict(number: number, year: number): AppError {
  return new AppError('NUMBER_CONFLICT', { number: formatNumber(number) ?? '', year });
}

/**
 * Keeps a number printed by hand: refused when the issuer already has it that year, else the
 * outgoing register moves up to it so Loa never gives it out again. Inside the caller's transaction.
 */
export async function reserveOutgoingNumber(tx: Db, issuerUnitId: string, year: number, number: number): Promise<void> {
  if (await registerRepo.isNumberTaken(tx, issuerUnitId, year, number)) throw numberConflict(number, year);
  await registerRepo.raiseRegisterTo(tx, issuerUnitId, year, 'outgoing', number);
}

/** The number an issue takes: the one given (reserved), else the next of the issuer's outgoing register. */
export async function takeOutgoingNumber(tx: Db, issuerUnitId: string, year: number, given: number | undefined): Promise<number> {
  if (given === undefined) return registerRepo.nextRegisterNumber(tx, issuerUnitId, year, 'outgoing');
  await reserveOutgoingNumber(tx, issuerUnitId, year, given);
  return given;
}

/** Runs a write that stores `number`; a unique violation (someone else stored it first) becomes NUMBER_CONFLICT. */
export async function storingNumber<T>(number: number, year: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw numberConflict(number, year);
    throw err;
  }
}
