/**
 * A hostile-client fuzzer for the HTTP side and the upgrade gate (issue 12): seeded random
 * methods, paths (bad escapes, raw bytes, long and dotted segments), queries, headers and bodies,
 * malformed upgrade requests followed by frames, and raw TCP garbage, against a real server
 * process. Afterwards the process must be alive, its memory bounded, /health honest (200 with no
 * socket left in admission) and an honest client able to join and type; no request may get a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { connectClient, waitFor } from '../helpers/clients.ts';
import { randomInt, seededRandom } from '../helpers/random.ts';
import { alive, clientFrame, rawExchange, rssMb, upgradeRequest } from '../helpers/rawHttp.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { createSessionHttp, type SessionTokens } from '../helpers/sessions.ts';
import { useSpawnedServer } from '../helpers/spawnedServer.ts';

const REQUESTS = Number(process.env.HTTP_FUZZ_REQUESTS ?? 3_000);
const PARALLEL = 16;
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 20261205);

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[randomInt(rand, xs.length)]!;

const ESCAPES = ['%', '%E0%A4%A', '%ZZ', '%00', '%ED%A0%80', '%C0%AF', '%2e%2e', '%2F', '%%', '%u2215', '%F0%9F%98'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'CONNECT', 'TRACE', 'G3T', 'get', 'PRI'];

/** A path segment: a normal word, a session id in some case, an escape, or noise. */
function segment(rand: Rand, s: SessionTokens): string {
  switch (randomInt(rand, 7)) {
    case 0:
      return s.id;
    case 1:
      return s.id.toUpperCase();
    case 2:
      return pick(rand, ESCAPES);
    case 3:
      return `${pick(rand, ['a', 'x', '..', '.', ''])}${pick(rand, ESCAPES)}${randomInt(rand, 99)}`;
    case 4:
      return 'A'.repeat(randomInt(rand, 3000));
    case 5:
      return Buffer.from(Array.from({ length: 1 + randomInt(rand, 6) }, () => 0x80 + randomInt(rand, 128))).toString(
        'latin1',
      );
    default:
      return pick(rand, ['sessions', 'export', 'blocks', 'versions', 'diff', 'links', 'status', 'me', 'search', 'x']);
  }
}

function randomPath(rand: Rand, s: SessionTokens): string {
  const base = pick(rand, [
    '/',
    '/health',
    '/api/sessions',
    `/api/sessions/${s.id}`,
    `/api/sessions/${s.id}/export`,
    `/api/sessions/${s.id}/blocks`,
    `/api/sessions/${s.id}/versions`,
    '/api/sessions/import',
    '/api/search',
    '/api/registry',
    '/collab',
    '/assets',
    '/s',
  ]);
  const extra = Array.from({ length: randomInt(rand, 3) }, () => segment(rand, s)).join('/');
  const path = extra ? `${base.replace(/\/$/, '')}/${extra}` : base;
  if (rand() < 0.5) return path;
  const keys = ['q', 'token', 'format', 'from', 'to', 'limit', 'offset', 'speaker', 'dryRun', 'title', 'disposition'];
  const values = () =>
    pick(rand, [...ESCAPES, 'md', 'html', 'docx', '-1', '99999999999', '0000-01-01', s.editor, '', 'x'.repeat(5000)]);
  const query = Array.from({ length: 1 + randomInt(rand, 4) }, () => `${pick(rand, keys)}=${values()}`).join('&');
  return `${path}?${query}`;
}

function randomBody(rand: Rand): Buffer {
  switch (randomInt(rand, 5)) {
    case 0:
      return Buffer.from(
        JSON.stringify({
          title: pick(rand, ['x', '', 'a'.repeat(400)]),
          startsAt: pick(rand, ['0000-01-01T00:00:00Z', 'yesterday', '2017-01-24T10:00:00Z']),
        }),
      );
    case 1:
      return Buffer.from('{"text": "Chair: hello", "title": ');
    case 2:
      return Buffer.from(Array.from({ length: randomInt(rand, 2000) }, () => randomInt(rand, 256)));
    case 3:
      return Buffer.from(
        JSON.stringify({ role: pick(rand, ['editor', 'x', null]), rotate: rand() < 0.5, status: 'final' }),
      );
    default:
      return Buffer.alloc(0);
  }
}

/** One hostile HTTP request, as bytes. */
function httpRequest(rand: Rand, s: SessionTokens, port: number): Buffer {
  const body = randomBody(rand);
  const headers = [`Host: ${pick(rand, [`127.0.0.1:${port}`, 'evil.example', '%', ''])}`];
  if (rand() < 0.6)
    headers.push(
      `Content-Type: ${pick(rand, ['application/json', 'text/plain', 'multipart/form-data; boundary=%', 'x/y'])}`,
    );
  if (rand() < 0.5)
    headers.push(
      `Authorization: ${pick(rand, [`Bearer ${s.editor}`, `Bearer ${s.noteTaker}`, 'Bearer %', 'Basic ::', 'Bearer'])}`,
    );
  if (rand() < 0.1) headers.push(`X-Junk: ${'j'.repeat(randomInt(rand, 20_000))}`);
  // a declared length that is sometimes wrong (shorter: the rest is a second request; longer: the server waits)
  const declared = rand() < 0.8 ? body.length : randomInt(rand, body.length + 10);
  if (rand() < 0.1) headers.push('Transfer-Encoding: chunked');
  else headers.push(`Content-Length: ${declared}`);
  headers.push('Connection: close');
  const head = `${pick(rand, METHODS)} ${randomPath(rand, s)} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** A malformed or valid upgrade request, sometimes followed by frames before the answer. */
function hostileUpgrade(rand: Rand, s: SessionTokens): Buffer {
  const path = pick(rand, [
    `/collab/${s.id}?token=${s.noteTaker}`,
    `/collab/${s.id.toUpperCase()}?token=${s.observer}`,
    `/collab/${s.id}`,
    `/collab/${pick(rand, ESCAPES)}`,
    `/collab/${s.id}?token=${pick(rand, ESCAPES)}&name=${pick(rand, ESCAPES)}`,
    '/collab/',
    '//collab/x',
  ]);
  const headers: Record<string, string | null> = {};
  if (rand() < 0.3) headers['Sec-WebSocket-Key'] = pick(rand, [null, 'x', '%', 'dGhlIHNhbXBsZSBub25jZQ']);
  if (rand() < 0.3) headers['Sec-WebSocket-Version'] = pick(rand, [null, '8', '14', 'x']);
  if (rand() < 0.2) headers.Upgrade = pick(rand, [null, 'h2c', 'WebSocket', '']);
  if (rand() < 0.1) headers['Sec-WebSocket-Protocol'] = pick(rand, ['a', 'a, a', '%']);
  const method = rand() < 0.85 ? 'GET' : pick(rand, METHODS);
  const parts: Buffer[] = [Buffer.from(upgradeRequest(path, headers, method), 'latin1')];
  for (let i = randomInt(rand, 4); i > 0; i--) {
    parts.push(clientFrame(Buffer.from(Array.from({ length: randomInt(rand, 300) }, () => randomInt(rand, 256)))));
  }
  return Buffer.concat(parts);
}

function garbage(rand: Rand): Buffer {
  return Buffer.from(Array.from({ length: 1 + randomInt(rand, 4000) }, () => randomInt(rand, 256)));
}

describe('fuzzing the HTTP app and the upgrade gate', () => {
  const suite = useSpawnedServer('http fuzz');

  it(`survives ${REQUESTS} hostile requests with no 5xx, bounded memory and an honest /health`, async () => {
    const { server, session, clients } = suite;
    const pid = server.child.pid!;
    const rssBefore = rssMb(pid);
    const rand = seededRandom(SEED);
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const n = next++;
        const kind = pick(rand, ['http', 'http', 'http', 'upgrade', 'upgrade', 'garbage'] as const);
        const bytes =
          kind === 'http'
            ? httpRequest(rand, session, server.port)
            : kind === 'upgrade'
              ? hostileUpgrade(rand, session)
              : garbage(rand);
        const answer = await rawExchange(server.port, bytes, 3_000);
        const key = `${kind} ${answer.status ?? '-'}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (answer.status !== null && answer.status >= 500) {
          failures.push(
            `#${n} ${answer.status}: ${bytes.toString('latin1').slice(0, 200)} → ${answer.text.slice(0, 300)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    console.log(
      `http fuzz (seed ${SEED}): ${[...statuses]
        .sort()
        .map(([k, v]) => `${k}×${v}`)
        .join(', ')}`,
    );
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
    expect(alive(pid)).toBe(true);
    expect(server.child.exitCode).toBeNull();

    // honest afterwards: nothing left in admission once the fuzzer's sockets are gone
    await waitFor(
      async () => {
        const res = await fetch(`${server.url}/health`);
        const body = (await res.json()) as { admissions: { pending: number } };
        return res.status === 200 && body.admissions.pending === 0;
      },
      '/health 200 with no socket in admission',
      20_000,
    );
    // a fresh session: the fuzzer's editor token may have finalised or rotated the first one
    const fresh = await createSessionHttp(server.url, 'after the fuzz');
    const writer = connectClient(server.url, fresh.id, { token: fresh.noteTaker, name: 'after' });
    const reader = connectClient(server.url, fresh.id, { token: fresh.noteTaker, name: 'reader' });
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    appendSpeakerBlock(writer.doc, { speaker: 'Honest' }, 'still works');
    await waitFor(() => recordString(reader.doc).includes('still works'), 'an honest edit propagates');
    const rssAfter = rssMb(pid);
    console.log(`http fuzz: RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`);
    expect(rssAfter - rssBefore).toBeLessThan(150);
  });
});
