/**
 * The Postgres driver survives a connection dying under a transaction (issue 12: a database
 * outage must never take the process down). Needs a real Postgres server: runs when
 * DATABASE_URL is set (CI sets it); PGlite has no backends to terminate.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/server.ts';

function runChild(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(REPO_ROOT, 'tests'),
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!process.env.DATABASE_URL)('Postgres driver under a terminated backend', () => {
  it('fails the transaction and keeps the process alive when its backend is terminated mid-query', async () => {
    const { code, out } = await runChild(path.join(REPO_ROOT, 'tests/helpers/terminatedTransaction.ts'));
    expect(out).toContain('failed: CONNECTION_CLOSED');
    expect(out).toContain('still serving: true');
    expect(out).not.toContain('TypeError');
    expect(code, out).toBe(0);
  });
});
