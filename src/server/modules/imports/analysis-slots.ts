/** Limits of the analyses an upload starts: how many at once (per unit, in all), and the error a failed one answers with. */
import { AppError } from '../../platform/errors.ts';
import './imports.errors.ts';
import { analysisFailure } from './analysis.ts';
import { ANALYSIS_LIMITS } from './parse/limits.ts';
import type { AnalysisLimits } from './parse/limits.ts';

export interface ImportServiceLimits {
  analysis: AnalysisLimits;
  /** Analyses running at once for one unit, and in this process. */
  perUnit: number;
  total: number;
}

export const IMPORT_SERVICE_LIMITS: ImportServiceLimits = { analysis: ANALYSIS_LIMITS, perUnit: 2, total: 4 };

/**
 * Counts the analyses running in this process, per unit and in all: past either limit an upload is
 * refused at once (429 for the unit, 503 for the server) rather than queued behind the others.
 */
export function analysisSlots(limits: ImportServiceLimits) {
  const perUnit = new Map<string, number>();
  let total = 0;
  return {
    running: () => total,
    acquire(unitId: string): () => void {
      const mine = perUnit.get(unitId) ?? 0;
      if (mine >= limits.perUnit) throw new AppError('IMPORT_UNIT_BUSY', { count: mine, limit: limits.perUnit });
      if (total >= limits.total) throw new AppError('IMPORT_SERVER_BUSY');
      perUnit.set(unitId, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (perUnit.get(unitId) ?? 1) - 1;
        if (left > 0) perUnit.set(unitId, left);
        else perUnit.delete(unitId);
      };
    },
  };
}

/** The AppError a failed analysis answers with (its reason in Vietnamese), or the error itself. */
export function analysisError(err: unknown, limits: AnalysisLimits): unknown {
  const f = analysisFailure(err, limits);
  if (!f) return err;
  switch (f.code) {
    case 'unpacked_too_large':
      return new AppError('IMPORT_UNPACKED_TOO_LARGE', { reason: f.message, limit: f.params.limit ?? '' });
    case 'too_many_pages':
      return new AppError('IMPORT_TOO_MANY_PAGES', { pages: f.params.pages ?? '', limit: f.params.limit ?? '' });
    case 'text_too_large':
      return new AppError('IMPORT_TEXT_TOO_LARGE', { size: f.params.size ?? '', limit: f.params.limit ?? '' });
    case 'memory':
      return new AppError('IMPORT_MEMORY_LIMIT', { limit: f.params.limit ?? '' });
    case 'time':
      return new AppError('IMPORT_TIME_LIMIT', { limit: f.params.limit ?? '' });
    case 'unreadable':
      return new AppError('IMPORT_UNREADABLE', { reason: f.message });
  }
}
