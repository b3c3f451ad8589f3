// A local cluster: three server processes (the production build) sharing Postgres and Redis,
// behind HAProxy on one port, as deploy/haproxy.cfg describes. For trying failover by hand:
// kill -9 one of the printed pids and watch the browsers carry on. Ctrl+C stops everything.
//   PORT (3000): the balancer; the processes take PORT+1..PORT+3.
//   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (redis://127.0.0.1:6379)
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const processes = 3;
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  HOST: '127.0.0.1',
};

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!has('haproxy')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('[cluster] haproxy is not installed: apt-get install -y haproxy (as root)');
    process.exit(1);
  }
  console.log('[cluster] installing haproxy with apt-get…');
  execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy', { stdio: 'inherit' });
}

const startScript = JSON.parse(readFileSync(path.join(root, 'server/package.json'), 'utf8')).scripts.start;
const nodeFlags = startScript.split(/\s+/).filter((w) => w.startsWith('--'));
const children = [];
const ports = Array.from({ length: processes }, (_, i) => port + 1 + i);
for (const [i, p] of ports.entries()) {
  const child = spawn(process.execPath, [...nodeFlags, 'dist/main.js'], {
    cwd: path.join(root, 'server'),
    env: { ...env, PORT: String(p), PROCESS_ID: `s${i + 1}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`[cluster] process s${i + 1}: port ${p}, pid ${child.pid}`);
  children.push(child);
}

const template = readFileSync(path.join(root, 'deploy/haproxy.cfg'), 'utf8');
const servers = ports.map((p, i) => `server s${i + 1} 127.0.0.1:${p} check`).join('\n    ');
const dir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cluster-'));
const cfg = path.join(dir, 'haproxy.cfg');
writeFileSync(cfg, template.replace('@LISTEN@', `127.0.0.1:${port}`).replace('@SERVERS@', servers));
const haproxy = spawn('haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'inherit', 'inherit'] });
children.push(haproxy);
console.log(`[cluster] balancer (haproxy, pid ${haproxy.pid}): http://127.0.0.1:${port}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
haproxy.on('exit', (code) => {
  if (!stopping) console.error(`[cluster] haproxy exited (${code}); stopping`);
  stop();
});
if (!existsSync(path.join(root, 'server/dist/main.js'))) console.error('[cluster] build first: pnpm build');
