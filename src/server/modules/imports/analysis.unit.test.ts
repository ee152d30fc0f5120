import { describe, expect, it } from 'vitest';
import { analysisFailure, withAnalysis } from './analysis.ts';
import { largeText } from '../../../../test/builders/import-bombs.ts';
import { ANALYSIS_LIMITS } from './parse/limits.ts';

const read = (limits: typeof ANALYSIS_LIMITS) => {
  const bytes = new Uint8Array(largeText(512 * 1024));
  return withAnalysis(limits, (call) => call('read', { bytes, format: 'txt', limits }, [bytes.buffer])).catch((err: unknown) => err);
};

describe('import analysis in the sandbox: over its time or memory, the worker is ended with a Vietnamese reason', () => {
  it('reads and parses a text in the worker', async () => {
    const out = await read(ANALYSIS_LIMITS);
    expect(out).toMatchObject({ parsed: { symbol: 'VHTT', number: '12' } });
  });

  it('ends an analysis over its time limit', async () => {
    const limits = { ...ANALYSIS_LIMITS, timeMs: 50 };
    expect(analysisFailure(await read(limits), limits)).toMatchObject({
      code: 'time',
      message: 'Phân tích tệp vượt quá thời gian cho phép (50 ms); tệp có thể bị hỏng hoặc quá phức tạp.',
    });
  });

  it('ends an analysis over its memory cap', async () => {
    const limits = { ...ANALYSIS_LIMITS, memoryMb: 4 };
    expect(analysisFailure(await read(limits), limits)).toMatchObject({
      code: 'memory',
      message: 'Phân tích tệp vượt quá bộ nhớ cho phép (4 MB); tệp có thể bị hỏng hoặc quá phức tạp.',
    });
  });
});
