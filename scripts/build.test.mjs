// The build is a production build whatever NODE_ENV the caller has (a test runner sets "test",
// a developer's shell may say "development"): Vite follows NODE_ENV, and a client built under
// "test" lacked its offline shell, which broke every later offline browser test.
import { describe, expect, it } from 'vitest';
import { buildEnv } from './build.mjs';

describe('build environment', () => {
  it('builds for production under any NODE_ENV, keeping the rest of the environment', () => {
    for (const NODE_ENV of ['test', 'development', undefined]) {
      const env = buildEnv({ NODE_ENV, PATH: '/bin', DATABASE_URL: 'x' });
      expect(env).toEqual({ NODE_ENV: 'production', PATH: '/bin', DATABASE_URL: 'x' });
    }
  });
});
