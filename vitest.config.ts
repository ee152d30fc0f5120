import { defineConfig } from 'vitest/config';

/**
 * Test tiers by suffix: .unit (pure: no database, no network, no server), .api (app.inject), .db (a real database
 * through describeEachDb), .browser (chromium), .cli (the loa command as a subprocess). `npm run test:unit` sets
 * LOA_TEST_TIER=unit: only *.unit.test.ts run, and test/support/harness.ts refuses to open a database.
 */
const unitOnly = process.env.LOA_TEST_TIER === 'unit';
if (unitOnly) delete process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    include: unitOnly ? ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts', 'e2e/**/*.unit.test.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Runs in every forked test process: outbound connections to anything but loopback fail (see the file).
    setupFiles: ['./test/support/no-network.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
