import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Runs in every forked test process: outbound connections to anything but loopback fail (see the file).
    setupFiles: ['./test/support/no-network.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
