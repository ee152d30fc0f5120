/** Tasks for sandbox.unit.test.ts: each misbehaves in one way a hostile input could make a parser misbehave. */
import { isMainThread } from 'node:worker_threads';

export function echo(input: { text: string }): { text: string; inWorker: boolean } {
  return { text: input.text.toUpperCase(), inWorker: !isMainThread };
}

/** Grows the heap without bound (what inflating a zip bomb into strings does). */
export function hog(_input: null): number {
  const keep: string[][] = [];
  for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => `chuỗi ${i} ${keep.length}`));
}

/** Never returns (what a pathological regular expression does). */
export function spin(_input: null): number {
  let n = 0;
  for (;;) n = (n + 1) % 1_000_003;
}

export class CodedError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly params: Record<string, number>,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export function refuse(input: { limit: number }): never {
  throw new CodedError('Tệp giải nén vượt quá giới hạn', 'unpacked_too_large', { limit: input.limit });
}

export function byteLength(input: { bytes: Uint8Array }): number {
  return input.bytes.byteLength;
}
