import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // Two files at a time, one browser each, on the two cores: every wait is on a condition, so a busy
          // machine only makes the suite slower, never wrong (the suite must pass under load anyway).
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A condition polled after a click waits as long as a busy two-core machine may need (vitest's 1 s is
          // less than a page's settle, fill and hold under load); a passing poll ends as soon as it holds.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
