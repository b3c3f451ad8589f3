import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAccess } from './resolveAccess.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const SESSION = { id: ID, title: 'CND intersessional', status: 'in_progress' };

/** A fetch whose answers the test releases one by one, recording what was asked and with which token. */
function gatedFetch(answer: (path: string, token: string | null) => { status: number; body: unknown }) {
  const asked: { path: string; token: string | null; release(): void }[] = [];
  const fetch = vi.fn((path: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).authorization ?? null;
    const token = auth ? auth.replace(/^Bearer /, '') : null;
    return new Promise<Response>((resolve) => {
      asked.push({
        path,
        token,
        release: () => {
          const a = answer(path, token);
          resolve(new Response(JSON.stringify(a.body), { status: a.status }));
        },
      });
    });
  });
  return { fetch, asked };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('resolveAccess', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the session beside the grant, not after it', async () => {
    const { fetch, asked } = gatedFetch((path) =>
      path.endsWith('/me')
        ? { status: 200, body: { sessionId: ID, role: 'noteTaker', admin: false } }
        : { status: 200, body: SESSION },
    );
    vi.stubGlobal('fetch', fetch);
    const access = resolveAccess(ID, 'link-token');
    await tick();
    // both requests are out before either is answered
    expect(asked.map((a) => [a.path.endsWith('/me') ? 'grant' : 'session', a.token])).toEqual([
      ['session', 'link-token'],
      ['grant', 'link-token'],
    ]);
    for (const a of asked) a.release();
    expect(await access).toMatchObject({ kind: 'ready', session: SESSION, token: 'link-token', role: 'noteTaker' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not use the early answer when the grant shows the kept token was revoked', async () => {
    localStorage.setItem(`rapporteur:access:${ID}`, JSON.stringify({ token: 'revoked-token' }));
    const { fetch, asked } = gatedFetch((path, token) => {
      if (path.endsWith('/me')) return { status: 200, body: { sessionId: ID, role: null, admin: false } };
      return token
        ? { status: 403, body: { error: { code: 'forbidden', message: 'revoked' } } }
        : { status: 200, body: SESSION };
    });
    vi.stubGlobal('fetch', fetch);
    const access = resolveAccess(ID, null);
    // answer each request as it is made, until the outcome is known (not a count of turns: reading
    // a response's body takes as many as it takes)
    let settled = false;
    void access.finally(() => {
      settled = true;
    });
    for (let i = 0; i < 1_000 && !settled; i++) {
      for (const a of asked.splice(0)) a.release();
      await tick();
    }
    // a published session is still readable without a token
    expect(await access).toMatchObject({ kind: 'ready', session: SESSION, token: null, role: null });
    expect(fetch.mock.calls.map(([path]) => path)).toEqual([
      `/api/sessions/${ID}`,
      `/api/sessions/${ID}/me`,
      `/api/sessions/${ID}`,
    ]);
  });
});
