import { defineConfig } from 'vitest/config';

/**
 * One runner for every layer. Unit tests live beside the code; integration, browser and fault
 * tests in tests/. Unit and integration tests run first (group 0), then browser and fault tests
 * together (group 1): those start server processes and Chromium, and running them beside the
 * first group made timing-sensitive steps flaky on a two-core machine.
 *
 * Two files at a time: vitest's default is one fewer than the cores (1 here), and these tests
 * spend most of their time waiting on servers, browsers and timers, not computing.
 *
 * Unit and integration files share their worker's modules (`isolate: false`): importing the server,
 * the embedded database and Yjs again for every file was most of their time (unit 57 s → 20 s,
 * integration 166 s → 111 s on this machine). Their files restore what they change globally
 * (stubbed globals, fake timers) and start their own servers. Browser and fault files keep
 * isolation: they are few, long, and spend their time in other processes.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          isolate: false,
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'scripts/**/*.test.mjs',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 0 },
          isolate: false,
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          // a page under load can take seconds to show what it will show; polls wait that long
          expect: { poll: { timeout: 10_000 } },
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'faults',
          sequence: { groupOrder: 1 },
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
