import type { Reporter, TestModule } from 'vitest/node';

/** The slowest files are listed before the summary, so a CI log says where the suite's time goes. */
const SLOWEST = 25;

/** Prints the slowest files, then the plain closing line CI reads: "Tests: N passed, N failed, N skipped". */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed outside its tests (import error, failing beforeAll) counts as a failure.
      failed += mod.state() === 'failed' && failedHere === 0 ? 1 : failedHere;
    }
    const slow = testModules
      .map((m) => ({ file: m.moduleId.replace(`${process.cwd()}/`, ''), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST);
    process.stdout.write(`\nSlowest files:\n${slow.map((s) => `  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.file}`).join('\n')}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
