import { describe, expect, it } from 'vitest';
import { parseUpgradeRequest, type RawUpgrade } from './upgradeRequest.ts';

const ID = '6f1c1a34-8d2e-4f6a-9a57-0c2f3e4b5a6d';
const good = (over: Partial<RawUpgrade> = {}, headers: Record<string, string | string[]> = {}): RawUpgrade => ({
  method: 'GET',
  url: `/collab/${ID}?token=abc&persisted=1`,
  ...over,
  headers: {
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  },
});

describe('parseUpgradeRequest', () => {
  it('gives the session id and the query of a well-formed request', () => {
    const r = parseUpgradeRequest(good());
    expect(r).toMatchObject({ ok: true, sessionId: ID });
    if (r.ok) expect(r.params.get('token')).toBe('abc');
  });

  it('lower-cases the session id, so one session is one room', () => {
    const r = parseUpgradeRequest(good({ url: `/collab/${ID.toUpperCase()}` }));
    expect(r).toMatchObject({ ok: true, sessionId: ID });
  });

  it('answers 400 for malformed percent-escapes in the path instead of throwing', () => {
    for (const url of ['/collab/%', '/collab/%E0%A4%A', '/collab/%ZZ', '/collab/%ED%A0%80?x=1']) {
      expect(parseUpgradeRequest(good({ url }))).toMatchObject({ ok: false, status: 400, code: 'malformed_path' });
    }
  });

  it('decodes malformed escapes in the query leniently (WHATWG) rather than throwing', () => {
    const r = parseUpgradeRequest(good({ url: `/collab/${ID}?token=%&name=%E0%A4%A` }));
    expect(r.ok && r.params.get('token')).toBe('%');
    expect(r.ok && r.params.get('name')).toBe('\ufffd%A');
  });

  it('answers 404 off the endpoint, including paths that look like a host', () => {
    for (const url of ['/', '//collab/x', '/collabx/1', '', 'http://x/collab/1']) {
      expect(parseUpgradeRequest(good({ url }))).toMatchObject({ ok: false, status: 404 });
    }
    expect(parseUpgradeRequest({ headers: {} })).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses what ws would refuse without calling back, with the RFC 6455 status', () => {
    expect(parseUpgradeRequest(good({ method: 'POST' }))).toMatchObject({ status: 405, code: 'method_not_allowed' });
    expect(parseUpgradeRequest(good({}, { upgrade: 'h2c' }))).toMatchObject({ status: 400, code: 'bad_upgrade' });
    expect(parseUpgradeRequest(good({}, { 'sec-websocket-version': '8' }))).toMatchObject({
      status: 426,
      headers: { 'Sec-WebSocket-Version': '13' },
    });
    for (const key of ['', 'short==', 'dGhlIHNhbXBsZSBub25jZQ', 'dGhlIHNhbXBsZSBub25jZQ==x']) {
      expect(parseUpgradeRequest(good({}, { 'sec-websocket-key': key }))).toMatchObject({
        status: 400,
        code: 'bad_websocket_key',
      });
    }
    expect(parseUpgradeRequest(good({}, { 'sec-websocket-key': ['a', 'b'] }))).toMatchObject({ status: 400 });
    expect(parseUpgradeRequest(good({}, { 'sec-websocket-protocol': 'x, x' }))).toMatchObject({ status: 400 });
  });

  it('never throws on random requests', () => {
    const chars = '%/?&=#:@ \u0000\u00e9\ud800abcEF0123456789-';
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const str = (n: number) => Array.from({ length: n }, () => chars[Math.floor(rand() * chars.length)]).join('');
    for (let i = 0; i < 5_000; i++) {
      const r = parseUpgradeRequest(
        good(
          { url: `/collab/${str(Math.floor(rand() * 20))}`, method: rand() < 0.9 ? 'GET' : str(3) },
          {
            'sec-websocket-key': rand() < 0.5 ? 'dGhlIHNhbXBsZSBub25jZQ==' : str(24),
          },
        ),
      );
      expect(typeof r.ok).toBe('boolean');
    }
  });
});
