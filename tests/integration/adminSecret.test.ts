/**
 * Admin rights come only from the admin secret, never from a network address (issue 13, item 9):
 * a request from loopback without it is refused, the secret the first start prints works and keeps
 * working after a restart (and is not printed again), and behind a reverse proxy on the same host,
 * where every visitor arrives from loopback, nothing changes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAdminSecret } from '@rapporteur/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createProcessStorage, createTestDatabase } from '../helpers/database.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';

/** The admin URL a server process printed, or null. */
const printedAdminUrl = (output: string): string | null => output.match(/Admin URL[^:]*: (http:\/\/\S+)/)?.[1] ?? null;

/** A minimal reverse proxy on loopback, as nginx on the same host would be. */
async function startProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  const proxy = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise((r) => proxy.close(() => r())),
  };
}

const createSession = (base: string, secret?: string) =>
  fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: JSON.stringify({ title: 'Admin test' }),
  });

describe.each(backends())('the admin secret on %s', (backend) => {
  let storage: Awaited<ReturnType<typeof createProcessStorage>>;
  let server: ServerProcess;
  let secret: string;

  beforeAll(async () => {
    storage = await createProcessStorage(backend);
    // no ADMIN_TOKEN: the server makes its own secret
    server = await spawnServer({ ...storage.env, ADMIN_TOKEN: '' });
  }, 120_000); // a first start creates the embedded database: slow on a loaded machine
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await storage?.drop();
  });

  it('prints the admin URL on the first start, with a secret that makes a browser admin', async () => {
    const printed = printedAdminUrl(server.output());
    expect(printed, server.output()).not.toBeNull();
    const url = new URL(printed!);
    expect(url.origin).toBe(new URL(server.url).origin);
    secret = url.searchParams.get('admin')!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await createSession(server.url, secret)).status).toBe(201);
    const list = await fetch(`${server.url}/api/sessions`, { headers: { authorization: `Bearer ${secret}` } });
    expect(list.status).toBe(200);
  });

  it('refuses a request from loopback that does not carry the secret', async () => {
    expect((await createSession(server.url)).status).toBe(401);
    expect((await createSession(server.url, 'not-the-admin-secret-at-all-0000')).status).toBe(401);
    expect((await fetch(`${server.url}/api/sessions`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/search?q=x`)).ok).toBe(true); // public sessions only
    const imported = await fetch(`${server.url}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'Chair\nOpening.',
    });
    expect(imported.status).toBe(401);
    // a tokenless visitor of a session is told it needs a link, and is not admin
    const made = (await (await createSession(server.url, secret)).json()) as { id: string };
    const me = await fetch(`${server.url}/api/sessions/${made.id}/me`);
    expect(await me.json()).toMatchObject({ role: null, admin: false });
    expect((await fetch(`${server.url}/api/sessions/${made.id}`)).status).toBe(401);
    const mint = await fetch(`${server.url}/api/sessions/${made.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(mint.status).toBe(401);
  });

  it('behind a reverse proxy on the same host, visitors without the secret are still refused', async () => {
    const proxy = await startProxy(server.url);
    try {
      expect((await createSession(proxy.url)).status).toBe(401);
      expect((await fetch(`${proxy.url}/api/sessions`)).status).toBe(401);
      expect((await createSession(proxy.url, secret)).status).toBe(201);
    } finally {
      await proxy.close();
    }
  });

  it('keeps the same secret across a restart and does not print it again', async () => {
    expect(await server.kill('SIGTERM')).toBe(0);
    server = await spawnServer({ ...storage.env, ADMIN_TOKEN: '' });
    expect(printedAdminUrl(server.output())).toBeNull();
    expect(server.output()).toContain('admin-url --new'); // says how to get a new one
    expect((await createSession(server.url, secret)).status).toBe(201);
    expect((await createSession(server.url)).status).toBe(401);
  });

  it('uses ADMIN_TOKEN instead when it is set, and prints no secret', async () => {
    await server.kill('SIGTERM');
    const token = 'operator-chosen-secret-0123456789';
    server = await spawnServer({ ...storage.env, ADMIN_TOKEN: token });
    expect(printedAdminUrl(server.output())).toBeNull();
    expect(server.output()).not.toContain(token);
    expect((await createSession(server.url, token)).status).toBe(201);
    expect((await createSession(server.url, secret)).status).toBe(401);
  });

  it('creates exactly one secret when several processes start on one database at once', async () => {
    const tdb = await createTestDatabase(backend);
    try {
      await tdb.db.query('DELETE FROM admin_secret');
      const starts = await Promise.all([1, 2, 3, 4].map(() => loadAdminSecret(tdb.db, undefined)));
      const created = starts.map((s) => s.created).filter((c): c is string => c !== null);
      expect(created).toHaveLength(1);
      for (const s of starts) expect(s.secret.matches(created[0]!)).toBe(true);
    } finally {
      await tdb.drop();
    }
  });
});
