/** Start a TypeScript script as its own Node process (so /proc/<pid> is exactly that server). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A child process that announced its port. */
export interface Child {
  pid: number;
  port: number;
  child: ChildProcess;
  /** Output so far (for failure messages). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
}

const TESTS_DIR = fileURLToPath(new URL('../', import.meta.url));

/** Wrap a spawned process: wait for `ready` to match its output (group 1 = port). */
export function awaitReady(child: ChildProcess, ready: RegExp, timeoutMs = 60_000): Promise<Child> {
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process did not start:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          pid: child.pid!,
          port: Number(m[1]),
          child,
          output: () => out,
          stop: async (graceMs = 15_000) => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
            await exited;
            clearTimeout(kill);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`process exited (${child.exitCode}) before it was ready:\n${out}`));
    });
  });
}

/**
 * Run `node [nodeArgs] <script>` (from tests/, or `cwd`) and wait for its output to match
 * `ready` ("listening on <port>" by default). TypeScript scripts run through the tsx loader;
 * JavaScript (the peers, our built server) runs on node alone, as it would be deployed.
 */
export function spawnScript(
  script: string,
  opts: { nodeArgs?: string[]; env?: Record<string, string>; cwd?: string; ready?: RegExp } = {},
) {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, script], {
    cwd: opts.cwd ?? TESTS_DIR,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return awaitReady(child, opts.ready ?? /listening on (\d+)/);
}
