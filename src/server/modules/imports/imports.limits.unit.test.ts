import { expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../shared/contracts/imports.ts';
import { ANALYSIS_LIMITS } from './parse/limits.ts';
import { LOW_CONFIDENCE } from './proposal.ts';

// The sandboxed reader keeps its own constants (it loads no schemas); they are the contract's numbers.
it('the analysis limits and the proposal threshold are the shared contract numbers', () => {
  expect(ANALYSIS_LIMITS.fileBytes).toBe(IMPORT_LIMITS.fileBytes);
  expect(LOW_CONFIDENCE).toBe(IMPORT_LIMITS.lowConfidence);
});
