/**
 * Analysis of an uploaded file in a sandbox worker (platform/sandbox.ts) with the import limits:
 * the server's event loop never extracts, parses or matches a file itself, and a file that would
 * take too much memory or time ends its worker instead of the process. Failures come back as one
 * Vietnamese reason with a stable code, for the API (AppError) and the CLI alike.
 */
import { SandboxError, SandboxTaskError, withSandbox } from '../../platform/sandbox.ts';
import type { SandboxCall } from '../../platform/sandbox.ts';
import { ANALYSIS_LIMITS, ExtractError } from './parse/limits.ts';
import type { AnalysisLimits, ExtractErrorCode } from './parse/limits.ts';
import type * as Tasks from './analysis.worker.ts';

export type AnalysisTasks = typeof Tasks;

const WORKER = new URL('./analysis.worker.ts', import.meta.url);

/** Runs `body` with calls into a fresh analysis worker capped at the limits' memory and time. */
export function withAnalysis<T>(limits: AnalysisLimits, body: (call: SandboxCall<AnalysisTasks>) => Promise<T>): Promise<T> {
  return withSandbox<AnalysisTasks, T>(WORKER, { memoryMb: limits.memoryMb, timeMs: limits.timeMs }, body);
}

export type AnalysisFailureCode = ExtractErrorCode | 'memory' | 'time';

/** Why an analysis failed, for the user; null when the error is not one (a crashed worker is a fault of ours). */
export function analysisFailure(
  err: unknown,
  limits: AnalysisLimits = ANALYSIS_LIMITS,
): { code: AnalysisFailureCode; message: string; params: Record<string, string | number> } | null {
  if (err instanceof SandboxTaskError && err.taskErrorName === 'ExtractError') {
    const code = (typeof err.extra.code === 'string' ? err.extra.code : 'unreadable') as ExtractErrorCode;
    const params = (err.extra.params && typeof err.extra.params === 'object' ? err.extra.params : {}) as Record<string, string | number>;
    return { code, message: err.message, params };
  }
  if (err instanceof ExtractError) return { code: err.code, message: err.message, params: err.params };
  if (err instanceof SandboxError) {
    if (err.failure === 'time') {
      const limit = limits.timeMs >= 1000 ? `${Math.round(limits.timeMs / 1000)} giây` : `${limits.timeMs} ms`;
      return { code: 'time', message: `Phân tích tệp vượt quá thời gian cho phép (${limit}); tệp có thể bị hỏng hoặc quá phức tạp.`, params: { limit } };
    }
    if (err.failure === 'crash') return null;
    return {
      code: 'memory',
      message: `Phân tích tệp vượt quá bộ nhớ cho phép (${limits.memoryMb} MB); tệp có thể bị hỏng hoặc quá phức tạp.`,
      params: { limit: `${limits.memoryMb} MB` },
    };
  }
  return null;
}
